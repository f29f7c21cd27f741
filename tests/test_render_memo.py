"""A page's rendering and its search documents kept between builds (`hooks/render_memo.py`,
`hooks/search_entries.py`, `handbook/rendered.py`).

Driven by MkDocs' own config of mkdocs.yml and real `Page` objects, in this process: a page
rendered from the memo is the page MkDocs renders (HTML, table of contents, title, anchors, links
to other pages' anchors); anything a rendering reads that changes gives another key; a rendering
that logged a warning is never kept. A page's search documents from the memo are those Material's
search plugin makes of the page.
"""

from __future__ import annotations

import logging

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.memo import Memo
from handbook.rendered import describe, files_digest
from tests.conftest import ROOT

#: MkDocs' logger ("properdocs" under ProperDocs, whose `mkdocs` modules are its own).
ENGINE = Page.__module__.split(".")[0]  # as hooks/render_memo.py reads it from MkDocs' config class
PAGE = "th/elements/interdependence.md"  # it mentions two other concepts


@pytest.fixture
def config(tmp_path):
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    config.hooks["hooks/crosslinks.py"].on_config(config)  # the cross-links' Markdown extension
    buildstate.of(config).memo = Memo(tmp_path / "memo.json")
    yield config
    buildstate.end(config)


def _page(config, files, src_uri=PAGE, markdown=None):
    page = Page(None, files.get_file_from_path(src_uri), config)
    page.read_source(config)
    if markdown is not None:
        page.markdown = markdown
    else:  # the page's markers expanded, as the build hands it to MkDocs
        page.markdown = config.hooks["hooks/content.py"].on_page_markdown(
            page.markdown, page=page, config=config, files=files)
    config.hooks["hooks/crosslinks.py"].on_page_markdown(page.markdown, page=page, config=config, files=files)
    config.hooks["hooks/render_memo.py"].on_page_markdown(page.markdown, page=page, config=config, files=files)
    return page


def _rendered(page):
    return (page.content, str(page.toc), [item.level for item in page.toc], page.title,
            page.present_anchor_ids,
            {f.src_uri: a for f, a in (page.links_to_anchors or {}).items()})


def _render(page, config, files):
    page.render(config, files)
    config.hooks["hooks/crosslinks.py"].on_page_content(page.content, page=page, config=config, files=files)
    return _rendered(page)


def test_a_page_from_the_memo_is_the_page_mkdocs_renders(config, monkeypatch):
    files = get_files(config)
    fresh = _render(_page(config, files), config, files)
    assert 'class="hb-xref"' in fresh[0]  # the cross-links took part
    memo = buildstate.of(config).memo
    assert len(memo.used) == 1
    monkeypatch.setattr(Page, "render", lambda *a: pytest.fail("rendered again"))
    assert _render(_page(config, files), config, files) == fresh


def test_a_self_anchor_link_is_kept_for_the_anchor_check(config, monkeypatch):
    files = get_files(config)
    text = "# Title\n\n## Part one\n\n[to part one](#part-one) [elsewhere](interaction.md#nowhere)\n"
    fresh = _render(_page(config, files, markdown=text), config, files)
    assert fresh[5] == {PAGE: {"title": "#title", "part-one": "#part-one"},  # the permalinks too
                        "th/elements/interaction.md": {"nowhere": "interaction.md#nowhere"}}
    monkeypatch.setattr(Page, "render", lambda *a: pytest.fail("rendered again"))
    assert _render(_page(config, files, markdown=text), config, files) == fresh


def test_a_rendering_that_warned_is_not_kept_and_warns_again(config, caplog):
    files = get_files(config)
    text = "A link to [a page that is not there](no-such-page.md).\n"
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger=ENGINE):
            logging.getLogger(ENGINE).propagate = True
            try:
                _render(_page(config, files, markdown=text), config, files)
            finally:
                logging.getLogger(ENGINE).propagate = False
        assert any("no-such-page.md" in r.getMessage() for r in caplog.records)
    assert buildstate.of(config).memo.used == {}


@pytest.mark.parametrize("change", ["markdown", "files", "directory_urls", "extension setting", "terms",
                                    "hooks' code"])
def test_what_a_rendering_reads_is_in_its_key(config, change):
    files = get_files(config)
    _render(_page(config, files), config, files)
    memo = buildstate.of(config).memo
    before = set(memo.used)
    markdown = None
    if change == "markdown":
        markdown = _page(config, files).markdown + "\n\nOne more line.\n"
    elif change == "files":
        files = Files([*files, File("th/elements/new-page.md", config.docs_dir, config.site_dir, True)])
    elif change == "directory_urls":
        config.use_directory_urls = False
        files = get_files(config)
    elif change == "hooks' code":
        buildstate.of(config).render_code = "the digest of other code"
    elif change == "extension setting":
        config.mdx_configs["toc"] = {**config.mdx_configs["toc"], "permalink": "#"}
    else:
        build = buildstate.of(config)
        context = build.link_context("th", directory_urls=True)
        context.matcher.concept_of["สมาชิก"] = "participation"
        context.__dict__.pop("key", None)
    _render(_page(config, files, markdown=markdown), config, files)
    assert len(set(memo.used) - before) == 1


def test_without_a_cache_folder_mkdocs_renders_as_always(config):
    buildstate.of(config).memo = Memo(None)
    files = get_files(config)
    page = _page(config, files)
    assert "render" not in vars(page)


def test_a_description_is_the_same_in_every_process():
    from handbook.slugs import slugify

    class Extension:
        def __init__(self):
            self.config = {"permalink": True}
            self.callback = lambda: None

    described = describe([{"toc": {"slugify": slugify, "permalink": True}}, Extension(), {3, 1, 2}])
    assert described == [{"toc": {"permalink": True, "slugify": "handbook.slugs.slugify"}},
                         {"class": f"{__name__}.test_a_description_is_the_same_in_every_process.<locals>."
                                   "Extension", "state": {"config": {"permalink": True}}},
                         [1, 2, 3]]
    assert "0x" not in repr(described)


def test_the_files_digest_does_not_depend_on_their_order():
    rows = [("a.md", "a/index.html", "a/", "INCLUDED"), ("b.md", "b/index.html", "b/", "INCLUDED")]
    assert files_digest(rows) == files_digest(reversed(rows))
    assert files_digest(rows) != files_digest(rows[:1])


def _index_page(config, files, page):
    """The page's documents as Material's search plugin indexes it (through hooks/search_entries.py)."""
    plugin = buildstate.search_plugin(config)
    config.hooks["hooks/search_entries.py"].on_page_context({}, page=page, config=config, nav=None)
    before = len(plugin.search_index.entries)
    plugin.search_index.add_entry_from_context(page)
    return plugin.search_index.entries[before:]


@pytest.fixture
def search_config(config):
    plugin = config.plugins["material/search"]
    plugin.on_config(config)
    return config


def test_a_pages_search_documents_from_the_memo_are_materials(search_config, monkeypatch):
    from material.plugins.search.plugin import SearchIndex

    config, files = search_config, get_files(search_config)
    page = _page(config, files)
    page.render(config, files)
    fresh = _index_page(config, files, page)
    assert fresh and fresh[0]["location"] == "th/elements/interdependence/"
    assert len(buildstate.of(config).memo.used) == 2  # the rendering and the documents
    buildstate.search_plugin(config).search_index = SearchIndex(**buildstate.search_plugin(config).config)
    monkeypatch.setattr(SearchIndex, "add_entry_from_context", lambda *a: pytest.fail("indexed again"))
    assert _index_page(config, files, page) == fresh


@pytest.mark.parametrize("change", ["content", "title", "toc"])
def test_what_the_search_documents_read_is_in_their_key(search_config, change):
    config, files = search_config, get_files(search_config)
    page = _page(config, files, markdown="# Title\n\n## Part one\n\nText.\n\n### Part two\n\nMore text.\n")
    page.render(config, files)
    _index_page(config, files, page)
    memo = buildstate.of(config).memo
    before = set(memo.used)
    if change == "content":
        page.content += "<p>One more paragraph.</p>"
    elif change == "title":
        page.meta["title"] = "Another title"
    else:
        page.toc.items[0].children = []
    documents = _index_page(config, files, page)
    assert len(set(memo.used) - before) == 1
    if change == "content":
        assert "One more paragraph." in documents[-1]["text"]


def test_a_quiet_builds_rendering_is_not_a_normal_builds(config, caplog):
    """A `--quiet` build logs no warning, so what it keeps must not serve a build that would."""
    files = get_files(config)
    text = "An image that is not there: ![a picture](missing.png)\n"
    logger = logging.getLogger(ENGINE)
    level = logger.level
    logger.setLevel(logging.ERROR)  # mkdocs build -q
    try:
        _render(_page(config, files, markdown=text), config, files)
    finally:
        logger.setLevel(level)
    assert len(buildstate.of(config).memo.used) == 1  # kept: nothing was logged at that level
    logger.propagate = True
    try:
        with caplog.at_level(logging.WARNING, logger=ENGINE):
            _render(_page(config, files, markdown=text), config, files)
    finally:
        logger.propagate = False
    assert any("missing.png" in r.getMessage() for r in caplog.records)


def test_a_kept_rendering_is_not_used_when_a_thai_texts_words_changed(config, monkeypatch):
    """The cross-links link a Thai term only at word boundaries, which a build reads from
    PyThaiNLP's answers kept in the working tree: other answers, another rendering."""
    from handbook.crosslinks import thai_boundaries

    files = get_files(config)
    first = _render(_page(config, files), config, files)
    assert "มี<a" in first[0] and 'ปฏิสัมพันธ์</a>' in first[0]

    def merged(text: str) -> frozenset[int]:
        """'มี' and 'ปฏิสัมพันธ์' read as one word where they first meet."""
        found = set(thai_boundaries(text))
        found.discard(text.find("มีปฏิสัมพันธ์") + 2)
        return frozenset(found)

    for hook in ("hooks/crosslinks.py", "hooks/render_memo.py"):
        monkeypatch.setattr(config.hooks[hook], "thai_boundaries", merged)
    again = _render(_page(config, files), config, files)
    buildstate.of(config).memo = Memo(None)  # the same page rendered without a memo
    assert again == _render(_page(config, files), config, files) != first


def test_a_module_a_setting_names_is_known_by_its_code(tmp_path, monkeypatch):
    from handbook.rendered import extension_module, module_fingerprint

    (tmp_path / "localslug.py").write_text("def slugify(value, separator):\n    return value\n")
    (tmp_path / "helper.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "util.py").write_text("Y = 1\n")
    before = module_fingerprint("localslug", tmp_path)
    (tmp_path / "helper.py").write_text("X = 2\n")  # a file of the project it may import
    assert module_fingerprint("localslug", tmp_path) == before  # read once a process
    module_fingerprint.cache_clear()  # a new process
    assert module_fingerprint("localslug", tmp_path) != before
    before = module_fingerprint("localslug", tmp_path)
    (tmp_path / "lib" / "util.py").write_text("Y = 2\n")
    module_fingerprint.cache_clear()
    assert module_fingerprint("localslug", tmp_path) != before
    import markdown

    assert extension_module("toc") == "markdown.extensions.toc"
    assert extension_module("package.module:Extension") == "package.module"
    from markdown.extensions.toc import TocExtension

    assert extension_module(TocExtension()) == "markdown.extensions.toc"
    assert module_fingerprint("markdown.extensions.toc", tmp_path).startswith(
        f"markdown.extensions.toc {markdown.__version__} ")
    assert module_fingerprint("no_such_module_here", tmp_path).endswith("not found")


def test_the_render_code_names_the_modules_of_the_settings(config, tmp_path, monkeypatch):
    (tmp_path / "localslug.py").write_text("def slugify(value, separator):\n    return value\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import localslug

    render_memo = config.hooks["hooks/render_memo.py"]
    before = render_memo._render_code(config)
    config.mdx_configs["toc"] = {**config.mdx_configs["toc"], "slugify": localslug.slugify}
    assert render_memo._render_code(config) != before


def test_a_function_with_arguments_given_is_described_with_them():
    import functools

    from handbook.rendered import callables_in
    from handbook.slugs import slugify

    one, other = functools.partial(slugify, separator="-"), functools.partial(slugify, separator="_")
    assert describe(one) != describe(other)
    assert list(callables_in({"toc": {"slugify": one}})) == [slugify]


@pytest.mark.parametrize("extension", ["pymdownx.snippets", "codehilite", "mypackage.ext:MyExtension"])
def test_an_extension_that_may_read_more_than_the_page_renders_every_build(config, extension):
    """Only extensions known to render from the page and their settings alone are kept: any other
    (pymdownx.snippets reads files, codehilite asks Pygments) renders every build."""
    config.markdown_extensions.append(extension)
    files = get_files(config)
    assert "render" not in vars(_page(config, files))
