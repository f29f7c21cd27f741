"""MkDocs adapter: add the generated pages to the build: the checklists (`handbook.checklists`),
the glossary (`handbook.glossary`) and the translation status (`handbook.translation`).

Each generated page is given to MkDocs as a page of the docs folder in every language
(`th/checklists/…md`, `en/checklists/…md`) before mkdocs-static-i18n picks the language's files,
so that i18n places it, finds its other languages and lists it in the sitemap exactly as it does
for a page written by hand; nothing of i18n's own is set here. i18n makes new `File` objects for
the pages it keeps, so a page's text is handed over when MkDocs is about to read it
(`on_pre_page`), through MkDocs' public `File.content_string`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.checklists import build_checklists, render_checklist, render_checklists_index
from handbook.events import priority
from handbook.findings import HandbookError
from handbook.glossary import GLOSSARY_SRC, render_glossary
from handbook.translation import STATUS_SRC, render_status_page

#: What MkDocs shows as the maker of a generated page (`File.generated_by`).
MAKER = "hooks/generated_pages"


def generated_pages(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """{src_uri in `lang`'s folder: Markdown} of every generated page of the language."""
    handbook = buildstate.handbook(config)
    try:
        checklists = build_checklists(handbook)
    except HandbookError as err:
        raise PluginError(str(err)) from None
    pages = {f"{lang}/checklists/index.md": render_checklists_index(checklists, lang, labels=handbook.labels)}
    for checklist in checklists:
        pages[checklist.src_uri(lang)] = render_checklist(checklist, lang)
    pages[GLOSSARY_SRC.format(lang=lang)] = render_glossary(handbook, lang)
    pages[STATUS_SRC.format(lang=lang)] = render_status_page(handbook, lang, buildstate.of(config).settings.edit_base)
    return pages


# Before mkdocs-static-i18n (-100) picks the language's files: the generated pages are among the
# docs folder's pages, in every language, when it does.
@event_priority(priority("generated_pages", "on_files"))
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = config.theme["language"]
    pages = generated_pages(config, lang)
    buildstate.of(config).generated[lang] = pages
    for src_uri in pages:
        rest = src_uri.partition("/")[2]
        for alt in buildstate.handbook(config).project.languages:
            files.append(File(f"{alt}/{rest}", config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


# Before MkDocs reads the page's source (and before every other hook sees the page).
@event_priority(priority("generated_pages", "on_pre_page"))
def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    content = buildstate.of(config).generated.get(config.theme["language"], {}).get(page.file.src_uri)
    if content is not None:
        page.file.content_string = content
        page.file.generated_by = MAKER
    return page
