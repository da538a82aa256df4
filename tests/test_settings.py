"""Settings come from the environment; a bad value stops the start with one clear line."""

import subprocess
import sys

import pytest

from bot.settings import DEFAULT_DATABASE_URL, SettingsError, load_settings


def test_defaults_need_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL", "DEFAULT_TIMEZONE", "LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings(_env_file=None)
    assert settings.telegram_bot_token is None
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.default_timezone == "Asia/Shanghai"
    assert settings.default_language == "zh_Hans"
    assert settings.telegram_api_base_url == "https://api.telegram.org/bot"
    assert str(settings.sqlite_path) == "data/salesbot.db"


def test_a_self_hosted_bot_api_server_is_taken_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081/bot")
    monkeypatch.setenv("TELEGRAM_API_FILE_URL", "http://127.0.0.1:8081/file/bot")
    settings = load_settings(_env_file=None)
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081/bot"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEFAULT_TIMEZONE", "Mars/Olympus"),
        ("DATABASE_URL", "mysql://localhost/x"),
        ("TELEGRAM_BOT_TOKEN", "not-a-token"),
        ("DEFAULT_LANGUAGE", "fr"),
        ("LOG_LEVEL", "LOUD"),
        ("TELEGRAM_API_BASE_URL", "ftp://example"),
    ],
)
def test_a_bad_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(_env_file=None)
    message = str(caught.value)
    assert message.startswith(f"{variable} is not valid: expected ")
    assert "\n" not in message


def test_the_cli_stops_with_one_line(tmp_path: object) -> None:
    env = {"DEFAULT_TIMEZONE": "Nowhere/Land", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        cwd=str(tmp_path),
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "salesbot: DEFAULT_TIMEZONE is not valid: expected an IANA time zone such as Asia/Shanghai."
    ]
