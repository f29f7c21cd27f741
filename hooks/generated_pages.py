"""MkDocs adapter: add the generated pages to the build: the checklists (`handbook.checklists`),
the glossary (`handbook.glossary`) and the translation status (`handbook.translation`)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from handbook import buildstate
from handbook.checklists import build_checklists, render_checklist, render_checklists_index
from handbook.events import priority
from handbook.findings import HandbookError
from handbook.glossary import GLOSSARY_SRC, render_glossary
from handbook.translation import STATUS_SRC, render_status_page


def generated_file(config: MkDocsConfig, src_uri: str, content: str, build_lang: str) -> File:
    """A generated page placed as mkdocs-static-i18n places a page of the folder structure."""
    project = buildstate.handbook(config).project
    lang, _, rest = src_uri.partition("/")
    files = {}
    for alt in project.languages:
        file = File.generated(config, f"{alt}/{rest}", content=content if alt == lang else "")
        if alt == project.default_language:
            file.dest_uri = file.dest_uri.removeprefix(f"{alt}/")
        files[alt] = file
    for alt, file in files.items():
        # The attributes mkdocs-static-i18n gives its own files (language switcher, sitemap).
        file.locale = file.localization = alt
        file.locale_alternate_of = build_lang
        file.norm_src_uri = rest
        file.alternates = files
    return files[lang]


# After mkdocs-static-i18n (-100) has picked the language's files, so ours are not re-read from
# disk by it; before the navigation is built.
@event_priority(priority("generated_pages", "on_files"))
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = config.theme["language"]
    handbook = buildstate.handbook(config)
    try:
        checklists = build_checklists(handbook)
    except HandbookError as err:
        raise PluginError(str(err)) from None
    generated = [
        generated_file(config, f"{lang}/checklists/index.md", render_checklists_index(checklists, lang, labels=handbook.labels), lang)
    ]
    for checklist in checklists:
        content = render_checklist(checklist, lang)
        generated.append(generated_file(config, checklist.src_uri(lang), content, lang))
    glossary = GLOSSARY_SRC.format(lang=lang)
    generated.append(generated_file(config, glossary, render_glossary(handbook, lang), lang))
    status = render_status_page(handbook, lang, buildstate.of(config).settings.edit_base)
    generated.append(generated_file(config, STATUS_SRC.format(lang=lang), status, lang))
    for file in generated:
        files.append(file)
    # mkdocs-static-i18n writes sitemap.xml (with hreflang alternates) from the pages it saw in its
    # own on_files; add ours so that the sitemap lists every page.
    i18n = config.plugins.get("i18n")
    if i18n is not None and hasattr(i18n, "i18n_files_per_language"):
        i18n.i18n_files_per_language.setdefault(lang, []).extend(generated)
    return files
