import os
import shutil
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests" / "dashboard"))

# Servers and app tests never build the data files into the checkout (dashboard/static/);
# the test of those files runs a copy of the dashboard with them on.
os.environ["DASHBOARD_SITE_FILES"] = "off"

FIXTURES = PROJECT / "tests" / "fixtures"
DATA = PROJECT / "data"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own validation cache folder (never the user's)."""
    monkeypatch.setenv("INDICATORS_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def good_data(tmp_path: Path) -> Path:
    """A writable copy of the small valid data folder."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "good", target)
    return target


@pytest.fixture
def real_data_copy(tmp_path: Path) -> Path:
    """A writable copy of the project's real data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def app(monkeypatch):
    """A fresh session of the dashboard on the real registry."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.delenv("INDICATORS_DATA", raising=False)
    return AppTest.from_file(str(PROJECT / "dashboard" / "app.py"), default_timeout=60)
