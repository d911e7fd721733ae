"""The one error type: a problem found in a registry file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from indicators.codes import CATALOGUE
from indicators.formatting import counted


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in a file, printed as `path:line:col: field: message [code]`.

    `field` is the dotted path inside the document (`observations[0].value`),
    or `-` when the problem concerns the whole file; `code` is an entry of the
    catalogue in `indicators/codes.py`; `severity` is "error" or "warning".
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    code: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {prefix}{self.message} [{self.code}]"

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"problem code {self.code!r} is not in indicators/codes.py")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class RegistryError(Exception):
    """Raised by `load_registry` when the registry has errors; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [problem for problem in problems if problem.is_error]
        lines = "\n".join(str(problem) for problem in errors)
        super().__init__(f"{counted(len(errors), 'problem', 'problems')} in the registry:\n{lines}")


def display_path(path: Path | str) -> str:
    """The path relative to the working directory when it lies below it."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)  # not a name like "..data"
    return absolute if outside else relative


def field_name(location: tuple) -> str:
    """`("observations", 0, "value")` -> `observations[0].value`."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "-"
