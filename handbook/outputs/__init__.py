"""Promises held at the output: what the built site publishes, read back and judged.

- `scan`: one reading of a published HTML page (the standard library's tokenizer), shared by
  every check below, so that no file is judged by one parser and built by another;
- `csp`: the page policy (Content-Security-Policy) and the hashes of a page's inline scripts;
- `allowlist`: the one allowlist of the census; `pages` judges a whole HTML page against it,
  `census` every other published file and the whole site folder;
- `placeholders`: no unfilled `{name}` in any output (pages, JSON, the books' text);
- `report`: a finding as one line naming the published file and its source.

`python -m handbook.outputs SITE_DIR` runs the census on a built folder.
"""
