"""Replacing an output folder only when its new contents are complete."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def swap_in(tmp: Path, out: Path) -> None:
    """Replace ``out`` by the finished folder ``tmp`` with two renames; the old tree is deleted only afterwards."""
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        os.replace(out, old / out.name)
        os.replace(tmp, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, out)
