"""MkDocs adapter: a language Material has no interface words for still builds.

Material imports `partials/languages/<lang>.html` for its own words (search box, "Back to top",
…); a language it lacks (Lao, say) would stop the build. Such a language gets English, which
Material itself falls back to for a missing word, until someone adds
`overrides/partials/languages/<lang>.html`.
"""

from __future__ import annotations

import json

from jinja2 import ChoiceLoader, DictLoader, TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig

FALLBACK = "en"


def on_env(env, *, config: MkDocsConfig, files):
    lang = config.theme["language"]
    name = f"partials/languages/{lang}.html"
    try:
        env.loader.get_source(env, name)
    except TemplateNotFound:
        # English words, but the page still says which language it is in (<html lang>).
        source = (
            f'{{% import "partials/languages/{FALLBACK}.html" as fallback %}}'
            "{% macro t(key) %}{{ " + json.dumps(lang) + " if key == \"language\" else fallback.t(key) }}"
            "{% endmacro %}"
        )
        env.loader = ChoiceLoader([env.loader, DictLoader({name: source})])
    return env
