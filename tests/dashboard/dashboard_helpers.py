import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.chromium import CHROMIUM

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def open_page(app: AppTest, page: str, **params: str) -> AppTest:
    """Run the app once, then go to `page` with `params` in the URL, as a link would."""
    app.run()
    app.switch_page(f"views/{page}.py")
    for key, value in params.items():
        app.query_params[key] = value
    return app.run()


def charts(app: AppTest) -> list:
    """Every Altair chart on the page (iterating a block walks all its descendants)."""
    return [element for element in app.main if getattr(element, "type", None) == "vega_lite_chart"]


def labelled_values(spec: dict) -> list[str]:
    """The value labels a history chart's spec writes, over all its text layers (one
    layer per placement, each with its own data)."""
    return [
        row["value_text"]
        for layer in spec["layer"]
        if layer["mark"]["type"] == "text" and layer["encoding"].get("text", {}).get("field") == "value_text"
        for row in spec["datasets"][layer["data"]["name"]]
    ]


def shown(markdown: str) -> str:
    """The text a reader sees of markdown the app escaped (`64\\,9` reads `64,9`)."""
    return re.sub(r"\\(.)", r"\1", str(markdown)).replace("  \n", "\n")


def static_tables(app: AppTest) -> list:
    """Every `st.table` of the page (problems), as a reader sees it: cells and headers
    with the app's markdown escapes read."""
    found = []
    for element in app.get("table"):
        frame = element.value.map(shown)
        frame.columns = [shown(column) for column in frame.columns]
        found.append(frame)
    return found


def text_of(app: AppTest) -> str:
    """All text of the page's markdown, captions, titles, code and alerts, as shown."""
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "code", "warning", "error", "info", "success"):
        parts.extend(shown(element.value) for element in app.get(kind))
    return "\n".join(parts)


def skip_without_chromium() -> None:
    """Skip the calling test module when there is no Chromium, unless REQUIRE_BROWSER
    is set (as `make test` does), where its absence is an error."""
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError(f"REQUIRE_BROWSER is set but no Chromium at {CHROMIUM}; `apt-get install chromium`")
    pytest.skip(
        f"no Chromium at {CHROMIUM}: `apt-get install chromium` to run the browser tests", allow_module_level=True
    )
