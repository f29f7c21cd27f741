"""One build's state: made when a build starts, carried on MkDocs' config, dropped when it ends.

`mkdocs build` runs every language in one process (mkdocs-static-i18n builds the others from the
first language's `on_post_build`, with the same config object), and `mkdocs serve` rebuilds in
the same process with a fresh config. So what a build learns (the handbook it loaded, the books
it made, the links between pages, the pages it judged) lives on one `Build`, made by the first
language's `on_config` (`hooks/build.py`), reached by every hook through `of(config)`, and
dropped after the last language's `on_post_build` or on an error. No hook module keeps a dict
of its own between events: a new build, or a test that calls a hook with a fresh config, starts
from nothing.

The handbook's settings (`handbook.settings`) are read and validated once, here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.settings import Settings, read_settings

#: The attribute of MkDocs' config object that carries the build (not a config option: MkDocs'
#: schema never sees it, and a new config of `mkdocs serve`'s next rebuild has none).
ATTRIBUTE = "handbook_build"
#: Set on the config by `hooks/preview.py`'s wrapper of `mkdocs serve`'s build.
SERVING = "handbook_serving"


@dataclass
class PageOutputs:
    """What the output census needs to know about the pages (`hooks/outputs.py`)."""

    sources: dict[str, str] = field(default_factory=dict)  # published file -> its source page
    judged: dict[str, str] = field(default_factory=dict)  # published file -> sha256 judged clean
    shims: dict[str, str | None] = field(default_factory=dict)
    #: Pages judged clean in earlier builds (`handbook.outputs.verdicts`), loaded at the first page.
    verdicts: Any = None
    seconds: float = 0.0
    pages: int = 0


@dataclass
class Build:
    """Everything one build (every language) knows beyond MkDocs' own objects."""

    settings: Settings
    root: Path
    docs_dir: Path
    serve: bool = False
    #: The languages as MkDocs' config holds them (mkdocs-static-i18n's validated entries).
    languages: Any = None
    #: The content model, loaded and validated once (`hooks/gate.py`, before any page).
    handbook: Any = None
    #: Results of pure steps kept between builds (`handbook.memo`): loaded by the gate, saved last.
    memo: Any = None
    #: The errors `make check` finds, or None before the gate has looked.
    errors: list | None = None
    #: lang -> src_uri -> the Markdown of that language's generated pages (`hooks/generated_pages.py`).
    generated: dict[str, dict[str, str]] = field(default_factory=dict)
    #: lang -> the printed book of that language (`hooks/book.py`).
    books: dict[str, Any] = field(default_factory=dict)
    #: lang -> concept id -> {page url: page title} (`hooks/crosslinks.py`).
    mentions: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    #: lang -> what every page of the language is linked with (`handbook.crosslinks.LinkContext`).
    crosslinks: dict[str, Any] = field(default_factory=dict)
    #: lang -> (MkDocs' files of that language's build, their digest) (`hooks/render_memo.py`).
    files_digest: dict[str, tuple] = field(default_factory=dict)
    #: What rendering runs besides the `handbook` package: the hooks' code (the cross-links'
    #: callback), Python-Markdown, MkDocs, PyThaiNLP, the extensions' packages; read once.
    render_code: str | None = None
    #: The page Python-Markdown is rendering now, or None.
    rendering: Any = None
    #: Thai text -> where its words begin and end, as the cross-links of that page read them.
    thai_consulted: dict[str, list[int]] = field(default_factory=dict)
    #: src_uri -> when its current spell began / seconds spent (`hooks/gate.py`).
    page_started: dict[str, float] = field(default_factory=dict)
    page_spent: dict[str, float] = field(default_factory=dict)
    #: The original language's 404 page (`hooks/notfound.py`).
    root_404: str | None = None
    #: The date of the content's edition (`hooks/reproducible.py`), read once.
    edition_date: str | None = None
    outputs: PageOutputs = field(default_factory=PageOutputs)
    #: page folder -> the small sitemap Material's language links read there (`hooks/pwa.py`).
    page_sitemaps: dict[str, str] = field(default_factory=dict)
    #: lang -> the search plugin's documents of that language's build (`hooks/search_entries.py`).
    search_docs: dict[str, list[dict]] = field(default_factory=dict)

    def content(self):
        """The handbook (loaded now if no hook has yet: a hook called on its own)."""
        if self.handbook is None:
            from handbook.loader import load_handbook
            from handbook.project import load_project

            self.handbook = load_handbook(self.docs_dir, load_project(self.root, self.languages))
        return self.handbook

    def link_context(self, lang: str, *, directory_urls: bool):
        """What every page of `lang` is linked with (made once per language and build)."""
        if lang not in self.crosslinks:
            from handbook.crosslinks import link_context

            self.crosslinks[lang] = link_context(self.content(), lang, directory_urls=directory_urls)
        return self.crosslinks[lang]

    def mentions_of(self, lang: str) -> dict[str, dict[str, str]]:
        return self.mentions.setdefault(lang, defaultdict(dict))


def site_languages(config):
    """mkdocs.yml's languages as MkDocs loaded and mkdocs-static-i18n validated them (no second
    reading of mkdocs.yml). None for a config that is not MkDocs' (a test's stand-in): the
    languages are then read from mkdocs.yml."""
    from handbook.model.siteconfig import SiteLanguages

    if not hasattr(config, "plugins") or not hasattr(config, "theme"):
        return None
    i18n = config.plugins.get("i18n")
    entries = tuple(dict(entry) for entry in i18n.config.languages) if i18n is not None else ()
    path = getattr(config, "config_file_path", None)
    return SiteLanguages(entries, str(config.theme["language"] or "en") if not entries else "en",
                         Path(path) if path else None)


def building_languages(config) -> bool:
    """Whether this is one of mkdocs-static-i18n's nested builds of a further language."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def engine_logger_name(config) -> str:
    """The logger of the engine that loaded `config`: "mkdocs", or "properdocs" under ProperDocs
    (whose `mkdocs` modules are its own); MkDocs' messages go there and do not propagate."""
    return config.__module__.split(".")[0]  # the class's, for a config or its class


def search_plugin(config):
    """Material's search plugin, if it is on and has its index (else None)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not getattr(plugin.config, "enabled", True) or not hasattr(plugin, "search_index"):
        return None
    return plugin


def start(config) -> Build:
    """A new build for `config` (the first language's `on_config`); a further language's build
    keeps the one it has."""
    existing = getattr(config, ATTRIBUTE, None)
    if existing is not None and building_languages(config):
        return existing
    root = Path(config.config_file_path).parent
    docs_dir = Path(getattr(config, "docs_dir", None) or root / "docs").resolve()
    build = Build(settings=read_settings(config), root=root, docs_dir=docs_dir,
                  serve=bool(getattr(config, SERVING, False)), languages=site_languages(config))
    setattr(config, ATTRIBUTE, build)
    return build


def of(config) -> Build:
    """The build `config` belongs to (one is started if none was: a hook called on its own)."""
    build = getattr(config, ATTRIBUTE, None)
    return build if build is not None else start(config)


def handbook(config):
    """The content model of `config`'s build, loaded once per build."""
    return of(config).content()


def end(config) -> None:
    """Drop the build (after the last language, or on an error)."""
    if hasattr(config, ATTRIBUTE):
        delattr(config, ATTRIBUTE)
