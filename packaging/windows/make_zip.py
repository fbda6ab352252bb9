#!/usr/bin/env python3
"""The Windows package as a zip, the same bytes for the same inputs.

Owns: laying out `<top>/baocao.exe`, `<top>/questionnaires/...` and the guide in the zip, the
guide's encoding for Notepad, fixed timestamps and sorted entries. Must not: build anything
(.ci/windows-package builds the .exe and calls this), read files outside those it is given.

Usage: make_zip.py OUT.zip TOP EXE GUIDE QUESTIONNAIRES_DIR
"""

import sys
import zipfile
from pathlib import Path

# Every entry gets the same timestamp (the earliest a zip can hold), so two builds of the same
# sources give the same zip byte for byte.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def notepad_text(raw: bytes) -> bytes:
    """The guide as every Notepad shows it right: UTF-8 with a BOM and CRLF line ends.

    Notepad before Windows 10 1903 reads a file without a BOM in the ANSI code page (Vietnamese
    letters come out as mojibake) and before 1809 shows LF-only text as one long line; the BOM
    and CRLF are understood by all of them and by every later editor.
    """
    text = raw.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")


def entry(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so that the permission bits below are read
    info.external_attr = (0o100000 | mode) << 16
    return info


def main() -> int:
    if len(sys.argv) != 6:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    out, top, exe, guide, questionnaires = sys.argv[1:]
    files = {
        f"{top}/baocao.exe": (Path(exe).read_bytes(), 0o755),
        # An ASCII name: Explorer's "Extract All" and older unzip tools read non-ASCII names in
        # the zip with the OEM code page, which would garble "Hướng dẫn".
        f"{top}/{Path(guide).name}": (notepad_text(Path(guide).read_bytes()), 0o644),
    }
    base = Path(questionnaires)
    for path in base.rglob("*"):
        if path.is_file():
            rel = path.relative_to(base.parent).as_posix()
            files[f"{top}/{rel}"] = (path.read_bytes(), 0o644)
    with zipfile.ZipFile(out, "w") as zf:
        for name in sorted(files):
            data, mode = files[name]
            zf.writestr(entry(name, mode), data, compresslevel=9)
    return 0


if __name__ == "__main__":
    sys.exit(main())
