"""The soak, short: a real `streamlit run`, two Chromium sessions cycling every page
while a second process saves valid and invalid registry files through
`indicators.editing`. `python -m benchmarks.soak` (or `make soak`) runs it longer."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from dashboard_helpers import skip_without_chromium

from benchmarks.soak import PAGES, run

# The result of the last run, for reading after it; outside the checkout (tests never write there)
RESULT = Path(os.environ.get("TEST_RESULTS") or tempfile.gettempdir()) / "indicators-soak.json"

pytestmark = pytest.mark.browser

skip_without_chromium()


def test_every_page_survives_a_writer_flipping_files_between_valid_and_invalid(tmp_path):
    result = run(seconds=25, sessions=2, workdir=tmp_path / "soak")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    shown = json.dumps(result, indent=1, ensure_ascii=False)[:20_000]
    assert result["exceptions"] == [], shown
    assert result["server"]["alive"] and result["server"]["health_ok"], shown
    assert result["saves"]["valid"] > 0 and result["saves"]["invalid"] > 0, shown
    assert all(result["page_loads"][name] > 0 for name in PAGES), shown
    # What the readers and the writer check besides: no page older than a save, no save
    # classed other than intended, no stale draft accepted, one log entry per save.
    assert result["stale"] == [], shown
    assert result["writer"]["surprises"] == [] and result["writer"]["errors"] == [], shown
    assert result["writer"]["edit_log"]["ok"] and result["writer"]["edit_log"]["one_per_save"], shown
    # The health page reads the log under the writers' lock: it never sees a half-written line.
    assert result["edit_log_alarms"] == [], shown
