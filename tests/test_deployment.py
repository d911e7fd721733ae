"""The container recipe: copies what exists, runs as a non-root user, checks health;
the deployment: one writer with its secrets, read-only viewers, the editor over HTTPS."""

import re
import subprocess
import tomllib

import yaml
from conftest import PROJECT

from indicators.files import MAX_SOURCE_TEXT_BYTES

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


def test_secrets_stay_out_of_git_and_the_image():
    for ignore_file in (".gitignore", ".dockerignore"):
        lines = (PROJECT / ignore_file).read_text(encoding="utf-8").splitlines()
        assert ".streamlit/secrets.toml" in lines, ignore_file
    assert (PROJECT / ".streamlit" / "secrets.example.toml").exists()


def test_one_writer_with_its_secrets_and_read_only_viewers():
    services = yaml.safe_load((PROJECT / "deploy" / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    writers = [name for name, service in services.items() if service.get("environment", {}).get("DASHBOARD_EDIT")]
    assert writers == ["writer"]
    assert services["writer"].get("deploy", {}).get("replicas", 1) == 1
    (secrets,) = [volume for volume in services["writer"]["volumes"] if isinstance(volume, dict)]
    assert secrets["target"] == "/app/.streamlit/secrets.toml" and secrets["read_only"] is True
    assert secrets["bind"]["create_host_path"] is False  # a missing file stops the writer, never an empty folder
    assert services["viewer"]["volumes"] == ["../data:/app/data:ro"]
    assert services["editor-proxy"]["profiles"] == ["editor"]


def test_the_editor_is_served_over_https_only():
    config = (PROJECT / "deploy" / "nginx-editor.conf").read_text(encoding="utf-8")
    assert "listen 443 ssl;" in config and "return 301 https://$host$request_uri;" in config
    assert 'add_header Strict-Transport-Security "max-age=31536000" always;' in config
    for header in ("Upgrade $http_upgrade", "Host $host", "X-Forwarded-Proto https", "X-Forwarded-For"):
        assert f"proxy_set_header {header}" in config
    assert re.findall(r"server (\S+);", config) == ["writer:8501"]


def test_make_run_listens_on_this_machine_only():
    planned = subprocess.run(["make", "-n", "run"], cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    (command,) = [line for line in planned.splitlines() if "streamlit run" in line]
    assert "--server.address 127.0.0.1 " in command


def test_the_upload_limit_is_the_source_text_limit():
    config = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1_000_000 == MAX_SOURCE_TEXT_BYTES
