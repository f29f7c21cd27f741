"""MkDocs adapter: a 404 page per language, each with a way home.

MkDocs renders `404.html` once per build at the site's root, and mkdocs-static-i18n builds every
language into the same site folder, so the last language built would replace the original's.
Here the original's page stays at the root (GitHub Pages serves it for every missing address;
it also speaks the other languages) and each other language's goes into its own folder. The
language switcher of a 404 page links to the languages' home pages.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority


# Before hooks/pwa.py reads base_url.
@event_priority(priority("notfound", "on_template_context"))
def on_template_context(context, *, template_name: str, config: MkDocsConfig):
    if template_name == "404.html" and not config.use_directory_urls:
        # The offline copy: MkDocs gives the 404 page an absolute base ("/"), which from a file
        # is the root of the disk; relative paths keep it styled.
        original = buildstate.handbook(config).default_language
        context["base_url"] = "." if config.theme["language"] == original else ".."
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n is not None and getattr(i18n, "extra_alternate", None):
        # Not the alternates of the last page built: those of the languages' home pages.
        config.extra.alternate = deepcopy(i18n.extra_alternate)
        if not config.use_directory_urls:
            for alternate in config.extra.alternate:  # "/en/index.html" → relative to base_url
                alternate["link"] = alternate["link"].lstrip("/")
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    lang = config.theme["language"]
    if lang == buildstate.handbook(config).default_language:
        buildstate.of(config).root_404 = output
        return output
    folder = Path(config.site_dir, lang)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "404.html").write_text(output, encoding="utf-8")
    return buildstate.of(config).root_404 or output
