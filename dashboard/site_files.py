"""The data files of `indicators.site`, served at stable addresses by Streamlit's static
file serving (`server.enableStaticServing`): `dashboard/static/data/...` is
`<app address>/app/static/data/...`.

A build runs on a background thread when the data changes (keyed on the data
fingerprint), never on a rerun: a rerun only compares the fingerprint with the one
published, and a watcher thread does the same every WATCH_SECONDS, so files follow
an edit even when nobody opens a page (a script fetching the CSV opens none). Each build is written to `static/builds/<fingerprint>/` and published by
replacing the `static/data` symbolic link in one `os.replace`, so a reader fetches
either the old files or the new ones, never a mix or a half-written file. The build
before the current one is kept for downloads under way; older ones are removed.
`DASHBOARD_SITE_FILES=off` turns builds off (the tests do, so they never write into
the checkout).
"""

from __future__ import annotations

import logging
import mimetypes
import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from indicators.registry import Registry
from indicators.site import write_site

STATIC = Path(__file__).resolve().parent / "static"
PUBLISHED = STATIC / "data"
BUILDS = STATIC / "builds"
STATIC_PATH = "app/static/data/"  # the files' path under the app's address
STAMP_LENGTH = 24  # hex digits of the fingerprint that name a build
WATCH_SECONDS = 30.0

# The static route guesses types from the file name; Debian's /etc/mime.types (the
# image installs `media-types`) knows .atom, and so does this process once loaded.
mimetypes.add_type("application/atom+xml", ".atom")

_log = logging.getLogger("dashboard.site_files")


def enabled() -> bool:
    """False when `DASHBOARD_SITE_FILES=off` (the tests: no writes into the checkout)."""
    return os.environ.get("DASHBOARD_SITE_FILES") != "off"


def published_stamp() -> str | None:
    """The fingerprint (shortened) of the build `static/data` points at; None before any."""
    try:
        return Path(os.readlink(PUBLISHED)).name
    except OSError:
        return None


class SiteBuilder:
    """One per server process: starts at most one build at a time, for the newest data."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._building: str | None = None
        self._next: tuple[Registry, str] | None = None  # the newest data that arrived during a build
        self._site_url = ""
        self._watching = False
        self.last_error: str | None = None

    def watch(self, load: Callable[[], tuple[Registry, str]]) -> None:
        """Start (once) a thread that calls `load` every WATCH_SECONDS, which returns the
        registry and its fingerprint, and builds when they changed. `load` should be the
        app's cached loader, so an unchanged folder costs one fingerprint."""
        with self._lock:
            if self._watching:
                return
            self._watching = True

        def loop() -> None:
            while True:
                time.sleep(WATCH_SECONDS)
                try:
                    registry, fingerprint = load()
                    self.ensure(registry, fingerprint, self._site_url)
                except Exception:  # a broken folder now: try again at the next tick
                    _log.exception("watching the data for the data files failed")

        threading.Thread(target=loop, name="site-watch", daemon=True).start()

    def ensure(self, registry: Registry, fingerprint: str, site_url: str) -> bool:
        """Build `registry` unless the published build (or the one under way) is of
        `fingerprint`. One build runs at a time: data that changes during a build is
        built when it ends, the newest only (saves in quick succession cost one build
        each at most, never builds side by side, which removed each other's folders
        and each held a registry and the edit log). Returns True when a build was
        started now. Cheap: for every rerun."""
        if not enabled():
            return False
        stamp = fingerprint[:STAMP_LENGTH]
        with self._lock:
            self._site_url = site_url or self._site_url
            if stamp in (self._building, published_stamp()):
                return False
            if self._building is not None:
                self._next = (registry, stamp)
                return False
            self._building = stamp
        threading.Thread(target=self._run, args=(registry, stamp), name="site-build", daemon=True).start()
        return True

    def _run(self, registry: Registry, stamp: str) -> None:
        """Build `stamp`, then the newest data that arrived meanwhile, until none did."""
        while True:
            self._build(registry, stamp, self._site_url)
            with self._lock:
                waiting, self._next = self._next, None
                if waiting is None or waiting[1] == published_stamp():
                    self._building = None
                    return
                registry, stamp = waiting
                self._building = stamp

    def _build(self, registry: Registry, stamp: str, site_url: str) -> None:
        target = BUILDS / stamp
        try:
            shutil.rmtree(target, ignore_errors=True)
            write_site(registry, target, site_url, site_url + STATIC_PATH)
            publish(stamp)
            self.last_error = None
        except Exception as error:  # a failed build leaves the previous files published
            self.last_error = f"{type(error).__name__}: {error}"
            _log.exception("building the data files failed")


def publish(stamp: str) -> None:
    """Point `static/data` at `builds/<stamp>` in one step; remove all builds but it and
    the one it replaces."""
    previous = published_stamp()
    link = STATIC / f".data-{stamp}.tmp"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(Path("builds") / stamp, target_is_directory=True)
    os.replace(link, PUBLISHED)
    for build in BUILDS.iterdir():
        if build.name not in (stamp, previous):
            shutil.rmtree(build, ignore_errors=True)


@st.cache_resource(max_entries=1, show_spinner=False)
def builder() -> SiteBuilder:
    """The server's one builder."""
    return SiteBuilder()


def file_url(address: str, relative: str) -> str:
    """The stable address of a data file: `<app address>app/static/data/<relative>`."""
    return f"{address}{STATIC_PATH}{relative}"
