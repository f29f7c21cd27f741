"""Promises held at the output: what the built site publishes, read back and judged.

- `scan`: one reading of a published HTML page (the standard library's tokenizer), shared by
  every check below, so that no file is judged by one parser and built by another;
- `csp`: the page policy (Content-Security-Policy) and the hashes of a page's inline scripts;
- `census`: one allowlist over every published file a browser reads;
- `placeholders`: no unfilled `{name}` in any output (pages, JSON, the books' text).
"""
