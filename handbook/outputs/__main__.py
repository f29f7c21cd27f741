"""The output census of a built folder, outside MkDocs (an offline copy derived from the web build).

Usage: python -m handbook.outputs SITE_DIR [--published-url URL]

Prints one `SITE_DIR/<file>:<where>: error: <message>` line per finding; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.outputs.census import SiteCensus, census_site
from handbook.outputs.csp import published_origins
from handbook.outputs.report import describe_problem, published_hosts
from handbook.pwa import service_worker


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.outputs")
    parser.add_argument("site", type=Path)
    parser.add_argument("--published-url", default="")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no index.html; build the site first", file=sys.stderr)
        return 2
    census = SiteCensus(hosts=published_hosts(args.published_url), origins=published_origins(args.published_url),
                        worker=service_worker())
    found = census_site(args.site, census)
    for path, problems in found.items():
        for problem in problems:
            print(describe_problem(path, problem, site_label=str(args.site).rstrip("/"), root=Path.cwd()))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
