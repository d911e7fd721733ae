"""What changes with every write: stamps of files and a fingerprint of a folder.

A file's modification time alone misses an edit that keeps the size within one
clock tick, or a copy that restores the time (`cp -p`, `touch -r`). The status
change time (`st_ctime_ns`) cannot be set back by a user and the inode changes
when a file is replaced, so together with size and modification time they
change with every write, at the cost of one `stat`.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def stat_stamp(status: os.stat_result) -> tuple[int, int, int, int]:
    """(size, modification ns, status-change ns, inode)."""
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def file_stamp(path: Path) -> list:
    """A file's stat stamp plus a digest of its content: equal stamps mean equal files.
    Anything but a regular file (a FIFO would block a read) gets an empty digest."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        return [*stat_stamp(status), ""]
    return [*stat_stamp(status), hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()]


def data_fingerprint(folder: Path) -> str:
    """A digest of every file's path and stat stamp below `folder`: one `stat` per file,
    cheap enough for every dashboard rerun, and different after any write."""
    entries, stack = [], [Path(folder)]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as scan:
                for entry in scan:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
                    else:
                        entries.append((entry.path, *stat_stamp(entry.stat(follow_symlinks=False))))
        except OSError:
            entries.append((str(current), -1, -1, -1, -1))
    return hashlib.sha256(repr(sorted(entries)).encode()).hexdigest()
