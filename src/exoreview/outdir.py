"""Replacing an output folder only when its new contents are complete, and only if it is ours."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import ExoreviewError

MARKER = ".exoreview"  # written into every output folder: only such a folder is ever replaced


def check_replaceable(out: Path, legacy: tuple[str, ...] = ()) -> None:
    """Refuse an existing, non-empty folder that exoreview did not write (a corpus, a gold set,
    a home folder): replacing it would delete the user's files. ``legacy`` names files that
    mark an output of an earlier version (PROVENANCE, index.html)."""
    if not out.is_dir() or not any(out.iterdir()):
        return
    if (out / MARKER).is_file() or any((out / name).is_file() for name in legacy):
        return
    raise ExoreviewError(f"{out}: is a folder exoreview did not write and would be replaced; "
                         f"choose an empty or new output folder")


def swap_in(tmp: Path, out: Path) -> None:
    """Replace ``out`` by the finished folder ``tmp`` with two renames; the old tree is deleted only afterwards."""
    (tmp / MARKER).write_text("written by exoreview; replaced as a whole by the next run\n", encoding="utf-8")
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        os.replace(out, old / out.name)
        os.replace(tmp, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, out)
