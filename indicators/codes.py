"""Every problem code the validator reports, with what it means and how to fix it.

`python -m indicators validate --explain CODE` prints an entry; the README's table
and the dashboard's Registry-health page are built from this catalogue, and a
Problem refuses a code that is not in it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    name: str
    summary: str
    fix: str
    drops_file: bool = False  # the whole file is left out of the registry, not only some observations


_ENTRIES = [
    # reading files
    Code(
        "registry-missing",
        "The data folder, or its registry or sources folder, does not exist.",
        "Point `--data` or `INDICATORS_DATA` at a data folder with registry/ and sources/.",
    ),
    Code(
        "file-missing",
        "A file the registry needs is missing (the taxonomy, or a source's text).",
        "Add the file, or remove what refers to it.",
    ),
    Code(
        "file-unreadable",
        "The file could not be read (permissions, or a folder where a file was expected).",
        "Check the file's permissions.",
    ),
    Code(
        "file-too-large",
        "The file is larger than the limit for its kind.",
        "Split it, or check that it is the right file.",
    ),
    Code("file-name", "Registry files must end in .yaml.", "Rename the file to <id>.yaml."),
    Code("file-binary", "The file holds binary data, not text.", "Save the document as plain UTF-8 text."),
    Code(
        "symlink-outside",
        "A symbolic link in the registry points outside it; it is not followed.",
        "Copy the file into the registry instead of linking it.",
    ),
    Code(
        "encoding-invalid",
        "The file is not valid UTF-8.",
        "Save it as UTF-8 (the message gives the line and column of the first bad byte).",
    ),
    Code(
        "utf8-bom",
        "The file starts with a UTF-8 byte-order mark (a warning; it is ignored).",
        "Save it as UTF-8 without BOM.",
    ),
    # YAML
    Code(
        "yaml-syntax",
        "The file is not valid YAML.",
        "Fix the syntax at the line and column given; YAML indents with spaces, never tabs.",
    ),
    Code("yaml-empty", "The file is empty.", "Write the indicator's fields, or delete the file."),
    Code(
        "yaml-duplicate-key",
        "A key appears twice in one mapping; YAML would silently keep the last.",
        "Keep one of the two.",
    ),
    Code(
        "yaml-alias", "Anchors, aliases (*name) and merge keys (<<) are not allowed.", "Write each value out in full."
    ),
    Code(
        "yaml-tag-forbidden",
        "A YAML tag (!!python/..., !custom) is not allowed; nothing is ever constructed from one.",
        "Remove the tag and write plain text, numbers, lists and mappings.",
    ),
    Code(
        "yaml-too-deep", "Mappings or lists are nested deeper than the registry ever needs.", "Flatten the structure."
    ),
    Code(
        "yaml-key-invalid",
        "A key is not plain text (a list or a mapping used as a key).",
        "Use a plain name as the key.",
    ),
    # the schema
    Code("schema-missing", "A required field is missing.", "Add the field (the editor's schema help lists them)."),
    Code("schema-extra-forbidden", "An unknown field.", "Check its spelling against the schema, or remove it."),
    Code(
        "schema-string-type",
        "A field that must be text holds something else (a number, true/false, a list).",
        "Quote the value: 'No', '2024'.",
    ),
    Code("schema-string-too-short", "A text field is empty.", "Write the text, or remove the optional field."),
    Code("schema-string-too-long", "A text field is longer than allowed.", "Shorten it; a quote is one sentence."),
    Code(
        "schema-string-pattern-mismatch",
        "A text field does not have the required form (an id in lower case with dashes, a URL starting with http).",
        "Write it in the form the message shows.",
    ),
    Code(
        "schema-float-parsing",
        "A number field holds text that is not a number.",
        "Write the number with a dot as decimal mark and no grouping: 2087114, 14.96.",
    ),
    Code("schema-float-type", "A number field holds something that is not a number.", "Write a number."),
    Code("schema-int-parsing", "A whole-number field holds text that is not a whole number.", "Write a whole number."),
    Code(
        "schema-int-type", "A whole-number field holds something that is not a whole number.", "Write a whole number."
    ),
    Code("schema-int-from-float", "A whole-number field holds a fraction.", "Write a whole number."),
    Code("schema-finite-number", "A number field holds infinity or NaN.", "Write a finite number."),
    Code("schema-greater-than-equal", "A number is below its allowed minimum.", "Check the value."),
    Code("schema-less-than-equal", "A number is above its allowed maximum.", "Check the value."),
    Code("schema-bool-parsing", "A true/false field holds something else.", "Write true or false."),
    Code("schema-bool-type", "A true/false field holds something else.", "Write true or false."),
    Code("schema-date-from-datetime-parsing", "A date field does not hold a date.", "Write the date as YYYY-MM-DD."),
    Code("schema-date-parsing", "A date field does not hold a date.", "Write the date as YYYY-MM-DD."),
    Code("schema-date-type", "A date field does not hold a date.", "Write the date as YYYY-MM-DD."),
    Code(
        "schema-date-from-datetime-inexact", "A date field holds a time of day.", "Write the date alone, as YYYY-MM-DD."
    ),
    Code(
        "schema-literal-error",
        "A field holds a value outside its list of allowed values.",
        "Use one of the values the message lists.",
    ),
    Code(
        "schema-dict-type",
        "A field that must be a mapping (vi:/en: names, a unit) holds something else.",
        "Write it as a mapping: {vi: ..., en: ...}.",
    ),
    Code(
        "schema-model-type",
        "A field that must be a mapping holds something else.",
        "Write it as a mapping with the fields the schema lists.",
    ),
    Code(
        "schema-list-type",
        "A field that must be a list holds something else.",
        "Write it as a list (each item on a line starting with '- ').",
    ),
    Code(
        "schema-too-short",
        "A list is shorter than allowed (an indicator needs at least one observation).",
        "Add the missing items.",
    ),
    Code("schema-value-error", "A value breaks one of the schema's own rules.", "Read the message for the rule."),
    Code(
        "schema-invalid",
        "A value does not fit the schema in some other way.",
        "Read the message; the schema help in the editor shows the expected form.",
    ),
    # rules across files
    Code(
        "id-mismatch",
        "An id differs from its file name.",
        "Rename the file or change the id so that they match.",
        drops_file=True,
    ),
    Code("id-duplicate", "Two files use the same indicator id.", "Give one of them another id (and file name)."),
    Code(
        "sector-unknown",
        "The sector is not one of the taxonomy's sectors.",
        "Use a sector id from data/taxonomy.yaml.",
        drops_file=True,
    ),
    Code(
        "reporting-unit-unknown",
        "The reporting unit is not in data/reporting-units/ (for the indicator, the whole file is left out).",
        "Use 'vn', a province or city ('thanh-hoa'), a ministry ('bo-tai-chinh') or a bloc ('khoi-tinh-thanh').",
        drops_file=True,
    ),
    Code(
        "reporting-unit-not-in-force",
        "The reporting unit did not exist in the observation's period (a province merged on 1 July 2025 has no "
        "later figures).",
        "File the figure under the unit in force then: the message names the successor.",
    ),
    Code(
        "source-unknown",
        "An observation names a source that is not in data/sources/.",
        "Import the source first, or correct the id.",
    ),
    Code(
        "period-invalid",
        "The period is not a period: not one of the standard forms, or a free label without period_start.",
        "Write 2024, 2024-H1, 2024-Q3, 2024-06, 2024-06-30 or 2021/2025, or add period_start to a free label.",
    ),
    Code(
        "value-invalid",
        "The value is impossible for its kind (a negative count, a rank above out_of, an overflow once scaled).",
        "Check the value, the kind and the scale.",
    ),
    Code("out-of-missing", "A rank or level has no out_of.", "Add out_of: the N of '86/193' or '6/10'."),
    # the citation
    Code(
        "quote-not-in-source",
        "The quote is not verbatim in its source (after Unicode and whitespace folding).",
        "Copy the sentence again from the source text; the message says where it stops matching.",
    ),
    Code(
        "value-not-in-quote",
        "The value, times the indicator's scale, is not a number the quote states.",
        "Check the value and the scale against the numbers the message lists.",
    ),
    Code(
        "period-not-in-quote",
        "The quote (or the period_quote) gives the figure another period: a year it does not state, a value "
        "swapped with another year's, another list position, or the source's date for present-tense wording.",
        "Correct the period to the one the message names, or quote the sentence that states this one.",
    ),
    Code(
        "period-unsupported",
        "The quote states no period for the figure (a warning).",
        "Add period_quote: a sentence of the same source, verbatim, that states the period.",
    ),
    Code(
        "geography-not-in-quote",
        "The quote does not name the reporting unit, or gives the figure to another unit; or a national figure's "
        "quote gives it to one province, ministry or bloc.",
        "File the figure under the unit the quote names, or quote a sentence that names this one (or mark the "
        "source as the unit's own publication).",
    ),
    # agreement between sources
    Code(
        "conflicting-values",
        "Sources give different values for the same reporting unit and period, and nothing says which stands "
        "(a warning).",
        "Mark the one that stands with preferred: true, or status: revised for a later release.",
    ),
    Code(
        "preferred-duplicate",
        "More than one observation of the same unit and period is marked preferred.",
        "Keep preferred: true on one of them.",
    ),
    # coverage
    Code("waiver-stale", "A coverage waiver matches no uncited number any more.", "Remove the waiver."),
    # the edit log (`python -m indicators log verify`)
    Code(
        "edit-log-unreadable",
        "A line of the edit log is not a log entry (one JSON object per line).",
        "Restore the log from a copy; a line cut short by a crash mid-save also shows here.",
    ),
    Code(
        "edit-log-changed",
        "An entry of the edit log was changed after it was written: the next entry records another digest for it.",
        "Restore the entry from a copy of the log; the registry's history cannot be trusted past this line.",
    ),
    Code(
        "edit-log-removed",
        "Entries are missing from the edit log: this entry was written with a higher number than its line.",
        "Restore the missing entries from a copy of the log.",
    ),
    Code(
        "edit-log-reordered",
        "Entries of the edit log are out of order: an entry stands at another line than the one it was written at.",
        "Put the lines back in the order of their `seq` numbers.",
    ),
    Code(
        "edit-log-unchained",
        "Entries at the start of the edit log were written before entries were chained; nothing vouches for them "
        "(a warning).",
        "Nothing to fix; keep a copy of the log as it is now. Every later entry is chained.",
    ),
]

CATALOGUE: dict[str, Code] = {entry.name: entry for entry in _ENTRIES}


def schema_code(pydantic_type: str) -> str:
    """The catalogue's code for a pydantic error type (`float_parsing` -> `schema-float-parsing`)."""
    code = "schema-" + pydantic_type.replace("_", "-")
    return code if code in CATALOGUE else "schema-invalid"


def explain(name: str) -> str:
    """The catalogue entry as text; raises KeyError for an unknown code."""
    entry = CATALOGUE[name]
    return f"{entry.name}: {entry.summary}\n  fix: {entry.fix}"


def markdown_table() -> str:
    """The catalogue as the README's table."""
    rows = ["| code | what it means | how to fix it |", "| --- | --- | --- |"]
    rows += [f"| `{entry.name}` | {entry.summary} | {entry.fix} |" for entry in _ENTRIES]
    return "\n".join(rows)
