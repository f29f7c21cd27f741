"""The content model: the project's data (languages, structure, words) and the handbook's pages.

Plain Python, no MkDocs. `handbook.project.load_project()` and `handbook.loader.load_handbook()`
are the entry points; the modules here are their layers:

- `structure`: handbook.yml's schema and reader;
- `siteconfig`: mkdocs.yml as data (the languages and their fallback chains);
- `data`: `Page`, `Concept` and `Handbook`, the read model;
- `pages`: reading and validating one page;
- `assemble`: the pages put together and cross-checked into concepts, overviews and guides;
- `urls`: where a source page is served, and links between pages.
"""
