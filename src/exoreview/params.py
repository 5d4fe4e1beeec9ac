"""Parameter sets (``params/*.yaml``): read and checked against the taxonomy before any notebook runs.

A parameter set is a YAML mapping with any of these fields; a missing field
takes its default, and the file name (without ``.yaml``) names the report
folder ``reports/<name>/``::

    title: Adipose-derived vesicles   # heading in reports/index.html (default: the file name)
    corpus: data/other                # corpus folder, relative to the working directory
                                      # (default: the report's --corpus, else data/corpus)
    cell_source: [adipose_msc]        # keep claims naming any of these keys (default: all)
    application: [skin_aging]         # idem, TAXONOMY application keys
    evidence_tier: [rct, clinical_study]
    source_kind: [peer_reviewed_review]
    include_duplicates: false         # count claims of duplicated articles too

Every filter takes one key or a list of keys. An unknown field or key is a
:class:`~exoreview.errors.ParamsError` whose one-line message names the file,
the field and the valid keys (exit code 2).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from . import taxonomy
from .errors import ParamsError

FILTER_FIELDS: dict[str, tuple[str, ...]] = {
    "cell_source": taxonomy.CELL_SOURCES,
    "application": taxonomy.APPLICATIONS,
    "evidence_tier": taxonomy.EVIDENCE_TIERS,
    "source_kind": taxonomy.SOURCE_KINDS,
}
FIELDS: tuple[str, ...] = ("title", "corpus", *FILTER_FIELDS, "include_duplicates")
# What every notebook's `parameters` cell must define: the filters plus where to read and write.
NOTEBOOK_PARAMETERS: tuple[str, ...] = ("corpus", *FILTER_FIELDS, "include_duplicates", "output_dir")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def _keys(where: str, field: str, value) -> list[str]:
    """A filter value as a list of distinct taxonomy keys, in the order given."""
    if value is None:
        return []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ParamsError(f"{where}: {field}: expected a key or a list of keys, got {value!r}; "
                          f"valid keys: {', '.join(FILTER_FIELDS[field])}")
    for v in values:
        if v not in FILTER_FIELDS[field]:
            raise ParamsError(f"{where}: {field}: unknown value {v!r}; "
                              f"valid keys: {', '.join(FILTER_FIELDS[field])}")
    return list(dict.fromkeys(values))


def load_params(path: str | Path) -> dict:
    """Read and check one parameter file; return its normalised fields plus ``name`` and ``path``.

    Filters come back as lists (empty = no filter), ``include_duplicates`` as
    a bool, ``corpus`` as the string given or None, ``title`` as a string.
    """
    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise ParamsError(f"{where}: no such parameter file")
    if not NAME_RE.match(path.stem):
        raise ParamsError(f"{where}: the file name must be letters, digits, '_' or '-' "
                          "(it names the report folder)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ParamsError(f"{where}: {line}not valid YAML ({problem})") from None
    except UnicodeDecodeError:
        raise ParamsError(f"{where}: not UTF-8 text") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ParamsError(f"{where}: expected a mapping of fields ({', '.join(FIELDS)}), "
                          f"got {type(data).__name__}")
    for key in data:
        if key not in FIELDS:
            raise ParamsError(f"{where}: unknown field {key!r}; valid fields: {', '.join(FIELDS)}")
    params: dict = {"name": path.stem, "path": path}
    title = data.get("title")
    if title is not None and not isinstance(title, (str, int, float)):
        raise ParamsError(f"{where}: title: expected text, got {title!r}")
    params["title"] = str(title) if title is not None else path.stem
    corpus = data.get("corpus")
    if corpus is not None and not isinstance(corpus, str):
        raise ParamsError(f"{where}: corpus: expected a folder path, got {corpus!r}")
    params["corpus"] = corpus
    for field in FILTER_FIELDS:
        params[field] = _keys(where, field, data.get(field))
    dup = data.get("include_duplicates", False)
    if not isinstance(dup, bool):
        raise ParamsError(f"{where}: include_duplicates: expected true or false, got {dup!r}")
    params["include_duplicates"] = dup
    return params


def notebook_parameters(params: dict, corpus: Path, output_dir: Path) -> dict:
    """The values papermill injects into a notebook for one parameter set (literals only)."""
    values = {"corpus": str(corpus)}
    values.update({field: list(params[field]) for field in FILTER_FIELDS})
    values["include_duplicates"] = bool(params["include_duplicates"])
    values["output_dir"] = str(output_dir)
    return values


def check_notebooks(notebooks: list[Path]) -> None:
    """Check that every notebook's ``parameters`` cell defines exactly what the report injects.

    papermill only logs a warning for an injected name the notebook does not
    define, so a notebook that forgot a filter would silently ignore it; this
    raises :class:`ParamsError` instead.
    """
    from papermill import inspect_notebook

    for nb in notebooks:
        try:
            declared = set(inspect_notebook(str(nb)))
        except Exception as exc:  # malformed JSON, unreadable file
            raise ParamsError(f"{nb}: cannot read the notebook's parameters "
                              f"({type(exc).__name__}: {exc})") from None
        if not declared:
            raise ParamsError(f"{nb}: no cell tagged 'parameters'; "
                              f"it must define {', '.join(NOTEBOOK_PARAMETERS)}")
        missing = [p for p in NOTEBOOK_PARAMETERS if p not in declared]
        if missing:
            raise ParamsError(f"{nb}: the parameters cell does not define {', '.join(missing)}; "
                              f"every notebook must define {', '.join(NOTEBOOK_PARAMETERS)}")
