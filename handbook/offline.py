"""Pack a built site into the offline zip: unzip anywhere, open `handbook/index.html`.

Usage: python -m handbook.offline SITE_DIR ZIP_PATH
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT_FOLDER = "handbook"
#: A fixed timestamp makes the zip reproducible: the same site gives the same bytes.
EPOCH = (2026, 1, 1, 0, 0, 0)


def make_zip(site_dir: Path, zip_path: Path) -> int:
    """Write `zip_path` from `site_dir`; return the number of files packed."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix != ".gz")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{ROOT_FOLDER}/{path.relative_to(site_dir).as_posix()}", EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m handbook.offline SITE_DIR ZIP_PATH", file=sys.stderr)
        return 2
    site_dir, zip_path = Path(argv[0]), Path(argv[1])
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no index.html; build the offline site first", file=sys.stderr)
        return 1
    count = make_zip(site_dir, zip_path)
    print(f"{zip_path}: {count} files, {zip_path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
