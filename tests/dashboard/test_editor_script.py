"""`make editor` (scripts/editor.py): a local provider, a throw-away secrets file that
admits the printed test account, and the app with the editor on at 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tomllib
import urllib.request

from conftest import PROJECT
from test_browser import free_port

from dashboard.editors import EDITOR, access


def test_make_editor_starts_the_provider_and_the_editor_and_prints_the_account(tmp_path, real_data_copy):
    port, secrets_file = free_port(), tmp_path / "local.secrets.toml"
    command = [sys.executable, "scripts/editor.py", "--port", str(port), "--secrets", str(secrets_file)]
    env = dict(os.environ, INDICATORS_DATA=str(real_data_copy))
    process = subprocess.Popen(
        command,
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        printed = []
        for line in process.stdout:
            printed.append(line)
            if "You can now view" in line:
                break
        text = "".join(printed)
        assert f"Editor: http://127.0.0.1:{port}/editor" in text
        assert "type 'editor' in the provider's 'sub' field" in text and "editor@example.org" in text
        issuer = re.search(r"Local OpenID provider: (http://127\.0\.0\.1:\d+)", text).group(1)
        settings = tomllib.loads(secrets_file.read_text(encoding="utf-8"))
        assert settings["auth"]["redirect_uri"] == f"http://127.0.0.1:{port}/oauth2callback"
        with urllib.request.urlopen(settings["auth"]["server_metadata_url"], timeout=10) as response:  # noqa: S310
            assert json.load(response)["issuer"] == issuer
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=30) as response:  # noqa: S310
            assert response.read() == b"ok"
        claims = {"is_logged_in": True, "iss": issuer, "sub": "editor", "email": "editor@example.org"}
        assert access(settings["auth"], settings["editors"], claims | {"email_verified": True}).state == EDITOR
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
