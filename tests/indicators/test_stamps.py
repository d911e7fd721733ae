"""`indicators.stamps`: stamps that change with every write, so that a cache cannot go stale."""

import json
import os
import shutil
import time

from indicators.files import atomic_write
from indicators.stamps import data_fingerprint, file_stamp, stat_stamp

TEXT = "id: vssid-accounts\nvalue: 35\n"
SAME_SIZE = "id: vssid-accounts\nvalue: 36\n"


def rewrite_keeping_size_and_time(path, text):
    """An edit that `cp -p` or `touch -r` hides: same size, the old modification time restored."""
    before = path.stat()
    assert len(text.encode()) == before.st_size
    time.sleep(0.02)  # past the kernel's clock tick (at most 10 ms), which the status-change time has
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)


def test_stat_stamp_is_size_times_and_inode(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(TEXT, encoding="utf-8")
    status = path.stat()
    assert stat_stamp(status) == (len(TEXT), status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def test_file_stamp_is_the_stat_stamp_and_a_content_digest(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(TEXT, encoding="utf-8")
    stamp = file_stamp(path)
    assert stamp[:4] == list(stat_stamp(path.stat()))
    assert len(stamp[4]) == 32 and int(stamp[4], 16) >= 0
    assert file_stamp(path) == stamp  # nothing changed, nothing differs


def test_file_stamp_survives_the_cache_s_json(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert json.loads(json.dumps(file_stamp(path))) == file_stamp(path)


def test_file_stamp_changes_when_size_and_modification_time_do_not(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(TEXT, encoding="utf-8")
    before = file_stamp(path)
    rewrite_keeping_size_and_time(path, SAME_SIZE)
    after = file_stamp(path)
    assert after[:2] == before[:2] and after[3] == before[3]  # size, mtime and inode alike...
    assert after[2] != before[2] and after[4] != before[4]  # ...the status-change time and the content not


def test_the_same_content_gives_the_same_digest_but_another_stamp(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(TEXT, encoding="utf-8")
    shutil.copy2(first, second)  # content and times copied
    assert file_stamp(first)[4] == file_stamp(second)[4]
    assert file_stamp(first) != file_stamp(second)


def data_folder(tmp_path):
    root = tmp_path / "data"
    (root / "registry").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "registry" / "vssid-accounts.yaml").write_text(TEXT, encoding="utf-8")
    (root / "sources" / "vov.txt").write_text("Năm 2024 có 35 triệu tài khoản.\n", encoding="utf-8")
    return root


def test_fingerprint_is_stable_while_nothing_changes(tmp_path):
    root = data_folder(tmp_path)
    assert data_fingerprint(root) == data_fingerprint(root)
    assert len(data_fingerprint(root)) == 64


def test_fingerprint_changes_after_an_edit_that_keeps_size_and_time(tmp_path):
    root = data_folder(tmp_path)
    before = data_fingerprint(root)
    rewrite_keeping_size_and_time(root / "registry" / "vssid-accounts.yaml", SAME_SIZE)
    assert data_fingerprint(root) != before


def test_fingerprint_changes_when_a_save_replaces_a_file_with_its_own_content(tmp_path):
    root = data_folder(tmp_path)
    path = root / "sources" / "vov.txt"
    status = path.stat()
    before = data_fingerprint(root)
    atomic_write(path, path.read_bytes())
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert data_fingerprint(root) != before


def test_fingerprint_changes_when_a_file_is_added_renamed_or_removed(tmp_path):
    root = data_folder(tmp_path)
    nested = root / "registry" / "nested"
    seen = [data_fingerprint(root)]
    nested.mkdir()
    (nested / "new.yaml").write_text(TEXT, encoding="utf-8")
    seen.append(data_fingerprint(root))
    (nested / "new.yaml").rename(nested / "renamed.yaml")
    seen.append(data_fingerprint(root))
    (nested / "renamed.yaml").unlink()
    seen.append(data_fingerprint(root))
    assert len(set(seen[:3])) == 3
    assert seen[3] == seen[0]  # files count, folders do not: the empty folder left behind changes nothing


def test_a_missing_folder_has_a_fingerprint_of_its_own(tmp_path):
    (tmp_path / "empty").mkdir()
    missing = data_fingerprint(tmp_path / "missing")
    assert missing == data_fingerprint(tmp_path / "missing")
    assert missing != data_fingerprint(tmp_path / "empty")
    (tmp_path / "missing").mkdir()
    assert data_fingerprint(tmp_path / "missing") != missing
