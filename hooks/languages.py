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

from handbook import buildstate

FALLBACK = "en"


def on_env(env, *, config: MkDocsConfig, files):
    lang = config.theme["language"]
    name = f"partials/languages/{lang}.html"
    try:
        env.loader.get_source(env, name)
    except TemplateNotFound:
        # The words of the first language of its fallback chain (mkdocs.yml) that Material has,
        # else English; the page still says which language it is in (<html lang>).
        fallback_lang = _fallback(env, lang, config)
        source = (
            f'{{% import "partials/languages/{fallback_lang}.html" as fallback %}}'
            "{% macro t(key) %}{{ " + json.dumps(lang) + " if key == \"language\" else fallback.t(key) }}"
            "{% endmacro %}"
        )
        env.loader = ChoiceLoader([env.loader, DictLoader({name: source})])
    return env


def _fallback(env, lang: str, config: MkDocsConfig) -> str:
    # Only a chain set in mkdocs.yml; without one, English as before (Material's own fallback).
    for code in (*buildstate.handbook(config).project.fallbacks.get(lang, ()), FALLBACK):
        try:
            env.loader.get_source(env, f"partials/languages/{code}.html")
            return code
        except TemplateNotFound:
            continue
    return FALLBACK
