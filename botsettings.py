"""The bot's own settings: Telegram's knobs, each read from its environment variable or `.env`."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from retriever import SettingsError
from retriever.settings import ROOT, _read_dotenv


@dataclass(frozen=True)
class BotSettings:
    """Telegram's knobs, each with the environment variable that sets it (the library has none)."""

    token: str = ""  # TELEGRAM_BOT_TOKEN
    admin_user_ids: tuple[int, ...] = ()  # ADMIN_USER_IDS: comma-separated numeric ids
    api_base: str = "https://api.telegram.org"  # TELEGRAM_API_BASE
    webhook_url: str = ""  # TELEGRAM_WEBHOOK_URL: set to use a webhook instead of long polling
    webhook_port: int = 8443  # TELEGRAM_WEBHOOK_PORT
    webhook_secret: str = ""  # TELEGRAM_WEBHOOK_SECRET
    flood_limit: int = 10  # TELEGRAM_FLOOD_LIMIT: questions per user per minute
    # TELEGRAM_TYPING_AFTER_MS: "typing…" only for answers slower than this (0: always). A quick answer
    # is then one request, not two: Telegram's ~30 requests/s cap allows twice the answers.
    typing_after_ms: int = 400

    @property
    def webhook_path(self) -> str:
        """The path the webhook listens on: the one of TELEGRAM_WEBHOOK_URL, without its first slash."""
        return urllib.parse.urlsplit(self.webhook_url).path.lstrip("/")


BOT_ENV = {
    "token": "TELEGRAM_BOT_TOKEN",
    "admin_user_ids": "ADMIN_USER_IDS",
    "api_base": "TELEGRAM_API_BASE",
    "webhook_url": "TELEGRAM_WEBHOOK_URL",
    "webhook_port": "TELEGRAM_WEBHOOK_PORT",
    "webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
    "flood_limit": "TELEGRAM_FLOOD_LIMIT",
    "typing_after_ms": "TELEGRAM_TYPING_AFTER_MS",
}


def load_bot_settings(env: Mapping[str, str] | None = None, dotenv: Path | None = None) -> BotSettings:
    """BotSettings from `env` (default: the process environment) over a `.env` file over defaults."""
    values = _read_dotenv(dotenv or ROOT / ".env")
    values.update(os.environ if env is None else env)
    changes: dict[str, Any] = {}
    for f in fields(BotSettings):
        raw = (values.get(BOT_ENV[f.name]) or "").strip()
        if not raw:
            continue
        try:
            if f.type == "tuple[int, ...]":
                changes[f.name] = tuple(int(part) for part in raw.replace(" ", "").split(",") if part)
            elif f.type == "int":
                changes[f.name] = int(raw)
            else:
                changes[f.name] = raw
        except ValueError as exc:
            raise SettingsError(f"{BOT_ENV[f.name]}={raw!r} is not valid: use whole numbers") from exc
    settings = BotSettings(**changes)
    if settings.flood_limit < 1:
        raise SettingsError("TELEGRAM_FLOOD_LIMIT must be 1 or more (questions per user per minute)")
    if settings.typing_after_ms < 0:
        raise SettingsError("TELEGRAM_TYPING_AFTER_MS must be 0 or more (milliseconds)")
    return settings
