"""Reading and writing text files: one UTF-8 reader with size limits, one atomic writer."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import unicodedata
from pathlib import Path

from indicators.problems import Problem, display_path

MAX_YAML_BYTES = 1_000_000  # a registry, source-metadata or taxonomy file
MAX_SOURCE_TEXT_BYTES = 10_000_000  # a source document's text, read or imported


# Invisible format characters (Unicode category Cf) are refused in every text the
# product reads: sources, registry files (quotes, names, notes), metadata. The
# bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C)
# reorder what is shown, so a quote can display "12%" while "21%" is checked; the
# zero-width ones (U+200B-U+200D, U+2060-U+2064, U+FEFF, U+00AD) hide a difference
# between two texts that look alike; tags (U+E0000 block) carry hidden text. No
# Vietnamese or English report needs any of them. A byte-order mark at the very
# start of a file is dropped before this check (a warning, `utf8-bom`).
# Those beyond the Basic Multilingual Plane, listed (a test checks the list against
# `unicodedata`) so that importing does not test a million code points.
_ASTRAL_FORMAT_RANGES = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
FORMAT_CHARACTERS = re.compile(
    "["
    + "".join(re.escape(chr(code)) for code in range(0x10000) if unicodedata.category(chr(code)) == "Cf")
    + _ASTRAL_FORMAT_RANGES
    + "]"
)


class TextError(ValueError):
    """Bytes that are not acceptable text; the message says why and what to do."""

    def __init__(self, message: str, code: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.code, self.line, self.column = code, line, column


def decode_text(raw: bytes, max_bytes: int) -> tuple[str, bool]:
    """UTF-8 bytes -> NFC text, and whether a byte-order mark was dropped.

    Raises TextError (codes `file-too-large`, `encoding-invalid`, `file-binary`,
    `text-format-character`).
    Line ends are kept as they are."""
    if len(raw) > max_bytes:
        raise TextError(f"file is {len(raw):,} bytes; the limit is {max_bytes:,}", "file-too-large")
    had_bom = raw.startswith(b"\xef\xbb\xbf")
    if had_bom:
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8")) + 1  # characters, as an editor counts
        message = f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        raise TextError(message, "encoding-invalid", line, column) from None
    if "\x00" in text:
        raise TextError("file is binary, not text", "file-binary")
    text = unicodedata.normalize("NFC", text)
    refuse_format_characters(text)
    return text, had_bom


def refuse_format_characters(text: str) -> None:
    """Raise TextError (code `text-format-character`, with the line and column of the
    first one) when `text` holds an invisible format character (see FORMAT_CHARACTERS)."""
    found = FORMAT_CHARACTERS.search(text)
    if found is None:
        return
    line_start = text.rfind("\n", 0, found.start()) + 1
    character = found.group()
    name = unicodedata.name(character, "FORMAT CHARACTER")
    message = (
        f"invisible format character U+{ord(character):04X} ({name}) can change what a reader sees "
        "(reorder digits, hide text); remove it"
    )
    raise TextError(
        message, "text-format-character", text.count("\n", 0, found.start()) + 1, found.start() - line_start + 1
    )


def read_data_bytes(path: Path, max_bytes: int, root: Path | None = None) -> bytes:
    """The bytes of a file the product reads from the data folder. The one rule for
    every such file: it is a regular file (not a folder, FIFO, device or socket) and,
    followed through any symbolic links, it stays inside `root` (the data folder;
    default the file's own folder). Never blocks on a FIFO.

    Raises TextError with code `file-missing`, `file-unreadable`, `file-not-regular`,
    `symlink-outside` or `file-too-large`."""
    root = Path(path).parent if root is None else Path(root)
    try:
        target = Path(path).resolve(strict=True)
        inside = root.resolve(strict=True)
    except FileNotFoundError:
        raise TextError("cannot read file: No such file or directory", "file-missing") from None
    except (OSError, RuntimeError) as error:  # a loop of links
        raise TextError(f"cannot read file: {getattr(error, 'strerror', None) or error}", "file-unreadable") from None
    if target != inside and inside not in target.parents:
        raise TextError("a symbolic link leads outside the data folder; not read", "symlink-outside")
    try:
        descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as error:
        code = "file-missing" if isinstance(error, FileNotFoundError) else "file-unreadable"
        raise TextError(f"cannot read file: {error.strerror}", code) from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        raise TextError("not a regular file (a folder, pipe, device or socket); not read", "file-not-regular")
    with os.fdopen(descriptor, "rb") as handle:
        if status.st_size > max_bytes:
            raise TextError(f"file is {status.st_size:,} bytes; the limit is {max_bytes:,}", "file-too-large")
        raw = handle.read(min(max_bytes, status.st_size) + 1) + handle.read()  # the rest, if it grew meanwhile
    if len(raw) > max_bytes:
        raise TextError(f"file is larger than the limit of {max_bytes:,} bytes", "file-too-large")
    return raw


def read_text(
    path: Path, problems: list[Problem], max_bytes: int = MAX_YAML_BYTES, root: Path | None = None
) -> str | None:
    """A UTF-8 text file from the data folder `root` (see `read_data_bytes`), NFC-normalised;
    None, with the reason in `problems`, when it cannot be read (missing, a link leaving
    `root`, not a regular file, too large, not UTF-8, binary). A byte-order mark is a warning."""

    def report(message: str, code: str, line: int = 1, column: int = 1, severity: str = "error") -> None:
        problems.append(Problem(display_path(path), line, column, "-", message, code, severity))

    try:
        text, had_bom = decode_text(read_data_bytes(path, max_bytes, root), max_bytes)
    except TextError as error:
        report(str(error), error.code, error.line, error.column)
        return None
    if had_bom:
        report("file starts with a UTF-8 byte-order mark; it was ignored", "utf8-bom", severity="warning")
    return text


def read_exact(path: Path) -> str | None:
    """The file's text with its line ends as they are (no newline translation); None if absent."""
    return path.read_bytes().decode("utf-8") if path.exists() else None


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write so that readers see the old file or the new one, never a mix: a temporary
    file in the same folder, flushed to disk, then `os.replace`d over the target.
    A file keeps its permissions; a new one gets those of any new file (the umask's)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    descriptor, temporary = _create_beside(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            with contextlib.suppress(FileNotFoundError):  # the file keeps its permissions
                os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new empty file `.<name>.<random>.tmp` in the target's folder, created as any
    new file is (mode 0o666 less the umask; `tempfile.mkstemp` would give 0o600)."""
    for _ in range(100):
        temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temporary, _NEW_FILE, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
