"""`make editor`: try the editor on this machine in one command.

Starts a local OpenID provider (oidc-provider-mock, the one the sign-in test uses) on a
free 127.0.0.1 port, writes a throw-away secrets file for it
(`.streamlit/editor-local.secrets.toml`, ignored by git; the production
`.streamlit/secrets.toml` is never read nor written), and runs the dashboard with the
editor on at http://127.0.0.1:PORT, printing the address and the test account.
Ctrl-C stops both. For development only: anyone who reaches the provider can sign in.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import werkzeug.serving

warnings.filterwarnings("ignore", message="authlib.jose module is deprecated")  # inside oidc-provider-mock
from oidc_provider_mock import User, app  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
SECRETS = PROJECT / ".streamlit" / "editor-local.secrets.toml"
TEST_ACCOUNT = User(
    sub="editor", claims={"email": "editor@example.org", "email_verified": True, "name": "Local editor"}
)


def start_provider() -> str:
    """The provider on a free loopback port, in a daemon thread; returns its issuer URL."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, app(user_claims=[TEST_ACCOUNT]), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


def secrets_text(issuer: str, port: int) -> str:
    """Streamlit's [auth] settings for the local provider and an allow-list of the test account."""
    return (
        "# Written by `make editor` for a local trial; throw-away, never used in production.\n"
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        'client_id = "indicators-local-editor"\n'
        f'client_secret = "{secrets.token_urlsafe(16)}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        "\n[editors]\n"
        f"emails = {json.dumps([TEST_ACCOUNT.claims['email']])}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8501")))
    parser.add_argument("--secrets", type=Path, default=SECRETS, help="where to write the throw-away secrets file")
    arguments = parser.parse_args()
    issuer = start_provider()
    secrets_file = arguments.secrets.resolve()
    secrets_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = secrets_file.with_name(secrets_file.name + ".tmp")
    temporary.write_text(secrets_text(issuer, arguments.port), encoding="utf-8")
    os.replace(temporary, secrets_file)
    address = f"http://127.0.0.1:{arguments.port}"
    print(
        f"\nEditor: {address}/editor\n"
        f"Sign in with the test account: type '{TEST_ACCOUNT.sub}' in the provider's 'sub' field and press "
        f"Authorize (email {TEST_ACCOUNT.claims['email']}).\n"
        f"Local OpenID provider: {issuer}; secrets for this trial: {secrets_file}\n"
        f"Saves go to {os.environ.get('INDICATORS_DATA', 'data/')} and the edit log. Ctrl-C stops.\n",
        flush=True,
    )
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(arguments.port), "--server.headless", "true"]
    command += ["--secrets.files", str(secrets_file)]
    env = dict(os.environ, DASHBOARD_EDIT="1", STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    app_process = subprocess.Popen(command, cwd=PROJECT, env=env)
    signal.signal(signal.SIGTERM, lambda *_: app_process.terminate())
    try:
        return app_process.wait()
    except KeyboardInterrupt:
        app_process.terminate()
        return app_process.wait()


if __name__ == "__main__":
    sys.exit(main())
