"""Table sources: a published table's cells (CSV or an XLSX sheet) read once into a
`Table` (`sheets.py`), what a cell and its labels state (`cells.py`), and the proof
that an observation's cited cell states its value, period and reporting unit (`proof.py`)."""
