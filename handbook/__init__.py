"""The handbook's content model: plain Python, no MkDocs.

- `schema`: the front-matter schema (the one place that says what a page holds)
- `loader`: read and validate every page into a `Handbook`, with findings that name file and line
- `render`: expand `<!-- handbook:... -->` markers into generated Markdown
- `navigation`, `manifest`: the site's nav and `concepts.json`, derived from the model
"""
