"""The container recipe: copies what exists, runs as a non-root user, checks health."""

import re

from conftest import PROJECT

DOCKERFILE = (PROJECT / "Dockerfile").read_text(encoding="utf-8")


def test_every_copied_path_exists():
    sources = re.findall(r"^COPY (\S+) ", DOCKERFILE, flags=re.MULTILINE)
    assert len(sources) >= 5
    assert [source for source in sources if not (PROJECT / source).exists()] == []


def test_runs_as_a_non_root_user_with_a_health_check():
    users = re.findall(r"^USER (\S+)", DOCKERFILE, flags=re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}
    assert "/_stcore/health" in DOCKERFILE and "HEALTHCHECK" in DOCKERFILE


def test_streamlit_settings_are_production_sane():
    config = (PROJECT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    for setting in ["gatherUsageStats = false", "enableXsrfProtection = true", 'showErrorDetails = "none"']:
        assert setting in config
