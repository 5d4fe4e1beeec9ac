"""The one place records become DataFrames, Parquet and CSV files."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .schema import TABLES, columns

if TYPE_CHECKING:
    import pandas as pd

INT_COLUMNS = {"index", "block", "n_articles", "n_sentences", "n_claims", "bytes"}
BOOL_COLUMNS = {"is_heading", "is_claim", "implicit_subject", "duplicate"}


def arrow_schema(table: str) -> pa.Schema:
    """Fixed Arrow types of a table's columns (ints, bools, the rest strings)."""
    fields = []
    for col in columns(table):
        typ = pa.int64() if col in INT_COLUMNS else pa.bool_() if col in BOOL_COLUMNS else pa.string()
        fields.append(pa.field(col, typ))
    return pa.schema(fields)


def frame(table: str, records: list[dict]) -> pd.DataFrame:
    """Records of one table as a DataFrame with exactly the schema's columns and types."""
    import pandas as pd

    cols = columns(table)
    df = pd.DataFrame.from_records(records, columns=cols)
    for col in cols:
        if col in INT_COLUMNS:
            df[col] = pd.to_numeric(df[col], errors="coerce").fillna(0).astype("int64")
        elif col in BOOL_COLUMNS:
            df[col] = df[col].fillna(False).astype(bool)
        else:
            df[col] = df[col].fillna("").astype(str)
    return df


def arrow_table(table: str, records: list[dict]) -> pa.Table:
    """Records of one table as an Arrow table with the schema's columns and types (no nulls)."""
    schema = arrow_schema(table)
    arrow = pa.Table.from_pylist(records, schema=schema)
    for i, fld in enumerate(schema):
        col = arrow.column(i)
        if col.null_count:
            fill = 0 if pa.types.is_integer(fld.type) else False if pa.types.is_boolean(fld.type) else ""
            arrow = arrow.set_column(i, fld, pc.fill_null(col, pa.scalar(fill, fld.type)))
    return arrow


class TableWriter:
    """Streams records of every table to Parquet and CSV in chunks, bounding memory."""

    def __init__(self, out_dir: Path, chunk_rows: int = 20_000, hold: tuple[str, ...] = ("documents",)):
        self.out_dir = Path(out_dir)
        self.chunk_rows = chunk_rows
        self.hold = set(hold)  # tables kept whole until close (rows may still be updated)
        self._buf: dict[str, list[dict]] = {t: [] for t in TABLES}
        self._pq: dict[str, pq.ParquetWriter] = {}
        self._csv: dict[str, pacsv.CSVWriter] = {}
        self.counts: dict[str, int] = {t: 0 for t in TABLES}

    def add(self, table: str, records: list[dict]) -> None:
        """Queue records; a full buffer is flushed to disk."""
        self._buf[table].extend(records)
        if table not in self.hold and len(self._buf[table]) >= self.chunk_rows:
            self._flush(table)

    def _flush(self, table: str) -> None:
        records = self._buf[table]
        self._buf[table] = []
        if not records and table in self._pq:
            return
        arrow = arrow_table(table, records)
        if table not in self._pq:
            self._pq[table] = pq.ParquetWriter(self.out_dir / f"{table}.parquet", arrow.schema)
            self._csv[table] = pacsv.CSVWriter(self.out_dir / f"{table}.csv", arrow.schema,
                                               write_options=pacsv.WriteOptions(quoting_style="needed"))
        self._pq[table].write_table(arrow)
        self._csv[table].write_table(arrow)
        self.counts[table] += arrow.num_rows

    def close(self) -> None:
        """Flush every buffer and close the files (empty tables get headers only)."""
        for table in TABLES:
            self._flush(table)
            self._pq.pop(table).close()
            self._csv.pop(table).close()


def read_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    """Read every table written by :class:`TableWriter` back into DataFrames."""
    out = {}
    for table in TABLES:
        df = pq.read_table(Path(out_dir) / f"{table}.parquet").to_pandas()
        out[table] = df[columns(table)]
    return out
