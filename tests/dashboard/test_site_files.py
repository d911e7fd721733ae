"""The site files' builder: one build at a time, the newest data built last."""

import threading
from pathlib import Path

from dashboard import site_files


class _Writes:
    """`write_site` that records each build and how many run at once; the first waits for `release`."""

    def __init__(self):
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.started = threading.Event()
        self.running = self.most = 0
        self.built: list[str] = []

    def __call__(self, registry, directory: Path, site_url="", files_url=""):
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
            first = not self.built
            self.built.append(directory.name)
        self.started.set()
        if first:
            assert self.release.wait(30)
        directory.mkdir(parents=True)
        (directory / "observations.csv").write_text(str(registry), encoding="utf-8")
        with self.lock:
            self.running -= 1


def test_data_changing_during_a_build_is_built_after_it_the_newest_only(tmp_path, monkeypatch):
    writes = _Writes()
    monkeypatch.setattr(site_files, "write_site", writes)
    monkeypatch.setattr(site_files, "STATIC", tmp_path)
    monkeypatch.setattr(site_files, "BUILDS", tmp_path / "builds")
    monkeypatch.setattr(site_files, "PUBLISHED", tmp_path / "data")
    monkeypatch.delenv("DASHBOARD_SITE_FILES", raising=False)
    (tmp_path / "builds").mkdir()
    builder = site_files.SiteBuilder()
    stamps = [f"{number:024x}" for number in range(1, 6)]
    assert builder.ensure(f"registry {stamps[0]}", stamps[0], "http://127.0.0.1/")
    assert writes.started.wait(30)
    for stamp in stamps[1:]:  # four saves while the first build runs: none starts a build beside it
        assert not builder.ensure(f"registry {stamp}", stamp, "")
    writes.release.set()
    for _ in range(300):
        if site_files.published_stamp() == stamps[-1] and builder._building is None:
            break
        threading.Event().wait(0.1)
    assert writes.built == [stamps[0], stamps[-1]]
    assert writes.most == 1
    assert site_files.published_stamp() == stamps[-1]
    assert (tmp_path / "data" / "observations.csv").read_text(encoding="utf-8") == f"registry {stamps[-1]}"
    assert sorted(path.name for path in (tmp_path / "builds").iterdir()) == [stamps[0], stamps[-1]]
