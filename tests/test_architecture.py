"""`indicators/` is UI-free: no module may import streamlit."""

import ast

from conftest import PROJECT


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_indicators_package_never_imports_streamlit():
    modules = sorted((PROJECT / "indicators").rglob("*.py"))
    assert len(modules) >= 8
    offenders = [
        f"{path.name}: {name}"
        for path in modules
        for name in imported_modules(path)
        if name.split(".")[0] == "streamlit"
    ]
    assert offenders == []


def test_no_unsafe_yaml_or_html_anywhere():
    sources = [*PROJECT.glob("indicators/**/*.py"), *PROJECT.glob("dashboard/**/*.py")]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    assert "yaml.load(" not in text and "yaml.unsafe_load" not in text and "UnsafeLoader" not in text
    assert "unsafe_allow_html=True" not in text


def test_every_streamlit_cache_in_the_dashboard_is_bounded():
    """A long-running server must not keep one entry per data version for ever: every
    `st.cache_data` / `st.cache_resource` has `max_entries` or `ttl`."""
    caches, unbounded = 0, []
    for path in sorted((PROJECT / "dashboard").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for decorator in node.decorator_list:
                    called = decorator.func if isinstance(decorator, ast.Call) else decorator
                    if ast.unparse(called) not in ("st.cache_data", "st.cache_resource"):
                        continue
                    caches += 1
                    keywords = {keyword.arg for keyword in getattr(decorator, "keywords", [])}
                    if not keywords & {"max_entries", "ttl"}:
                        unbounded.append(f"{path.relative_to(PROJECT)}:{node.lineno}: {node.name}")
    assert caches >= 6
    assert unbounded == []
