import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

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


def shown(markdown: str) -> str:
    """The text a reader sees of markdown the app escaped (`64\\,9` reads `64,9`)."""
    return re.sub(r"\\(.)", r"\1", str(markdown)).replace("  \n", "\n")


def text_of(app: AppTest) -> str:
    """All text of the page's markdown, captions, titles, code and alerts, as shown."""
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "code", "warning", "error", "info", "success"):
        parts.extend(shown(element.value) for element in app.get(kind))
    return "\n".join(parts)
