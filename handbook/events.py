"""The order of the handbook's events, in one place.

MkDocs runs each event's handlers from the highest priority to the lowest (plugins and hooks
alike; equal priorities in the order of `mkdocs.yml`). Material's plugins and mkdocs-static-i18n
take part: i18n picks a language's files in `on_files` at -100 and, in the first language's
`on_post_build` at -100, builds every other language with the same config (each a whole build of
its own, every event again), then writes the merged search index and sitemap.

Every hook with a priority other than 0 takes it from this table (`priority(hook, event)`);
`tests/test_build_state.py` holds the hooks MkDocs loads to it, both ways.
"""

from __future__ import annotations

#: I18N is mkdocs-static-i18n's priority for on_config, on_files, on_nav, on_post_page, on_post_build.
I18N = -100

#: (event, priority, hook, what it does then) — highest priority first within an event.
ORDER: tuple[tuple[str, int, str, str], ...] = (
    ("on_config", 1000, "build", "make the build's state (first language only), settings validated"),
    ("on_files", 100, "gate", "every error `make check` finds stops the build; the handbook is loaded once"),
    ("on_files", -95, "generated_pages", "checklists, glossary, status: pages of every language, before i18n picks"),
    ("on_files", -105, "book", "the language's printed book among the files"),
    ("on_files", -110, "navigation", "the navigation from the content model"),
    ("on_pre_page", 100, "generated_pages", "a generated page's text, before MkDocs reads the page"),
    ("on_page_markdown", 100, "gate", "page timer starts; front matter as make check read it"),
    ("on_page_markdown", -1000, "render_memo", "last: the page's rendering is kept, or taken from the memo"),
    ("on_page_content", 100, "gate", "the page's HTML sanitized before anything reads it"),
    ("on_page_context", 100, "gate", "page timer starts again (template spell)"),
    ("on_page_context", 50, "search_entries", "before Material's search: a page's documents from the memo"),
    ("on_template_context", 10, "notfound", "404 pages: relative base offline, home alternates"),
    ("on_post_template", 50, "outputs", "page policy of 404.html"),
    ("on_post_page", -100, "gate", "page timer stops; page limit"),
    ("on_post_page", -1000, "outputs", "page policy (CSP hashes) of the final HTML; page census"),
    ("on_post_build", 0, "pwa", "the language's web app manifest, before i18n builds the others"),
    ("on_post_build", -90, "search_entries", "the language's search documents, before i18n merges them"),
    ("on_post_build", -200, "manifest", "after every language: concepts.json"),
    ("on_post_build", -200, "search", "after i18n's merged index: one index per language"),
    ("on_post_build", -250, "service_worker", "page sitemaps, sw.js and offline.json"),
    ("on_post_build", -300, "preview", "mkdocs serve: no service worker"),
    ("on_post_build", -300, "thai_cache", "Thai segmentations saved for the next build"),
    ("on_post_build", -300, "offline", "HANDBOOK_OFFLINE_DIR: the offline copy from the site"),
    ("on_post_build", -1000, "outputs", "the output census of every published file"),
    ("on_post_build", -5000, "build", "save the memo, drop the build's state (last language only)"),
)


def priority(hook: str, event: str) -> int:
    """The priority of `hook`'s handler of `event` (KeyError if the table does not list it)."""
    for name, value, owner, _ in ORDER:
        if owner == hook and name == event:
            return value
    raise KeyError(f"{hook}.{event} is not in handbook/events.py's ORDER")
