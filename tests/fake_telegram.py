"""A fake Telegram Bot API server on 127.0.0.1, strict enough to catch what Telegram would reject.

It serves `/bot{token}/{method}` and `/file/bot{token}/{path}` over real HTTP from a background
thread, so the bot under test talks to it exactly as it would to Telegram, whether the bot runs
in this process (another thread, its own event loop) or as a separate `python bot.py`.

Tests play the users: `user_sends()`, `user_sends_document()`, `user_clicks()` queue updates
(or POST them to the bot's webhook once it has called setWebhook); `sent_messages()`, `calls()`
and `wait_for()` look at what the bot did. Every request is recorded, rejected ones included.

Run it alone to chat with a real `python bot.py` by hand:
    python tests/fake_telegram.py --port 8081   # then TELEGRAM_API_BASE=http://127.0.0.1:8081
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email.parser
import email.policy
import itertools
import json
import re
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_TOKEN = "123456789:TEST-token_for-the-fake-server"
MAX_TEXT = 4096  # Telegram's limit on a message's text after entity parsing
MAX_CALLBACK_DATA = 64  # bytes
MAX_CALLBACK_ANSWER = 200
CHAT_ACTIONS = {
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
}  # fmt: skip
# Tags Telegram's HTML parse mode accepts; anything else is "Unsupported start tag".
ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
    "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
# What getChatMember tells of a group administrator beside its status (all of them: PTB requires each).
ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
    "can_delete_stories",
)  # fmt: skip
# Telegram's sender of messages that a group's anonymous administrators post as the group itself.
ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}


class ApiError(Exception):
    """A Bot API error, answered as Telegram does: `{"ok": false, "error_code", "description"}`."""

    def __init__(self, description: str, code: int = 400) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


def bad(description: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: ..." wording."""
    return ApiError(f"Bad Request: {description}")


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


# --------------------------------------------------------------------------------------------
# Telegram's HTML parse mode
# --------------------------------------------------------------------------------------------

_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTR = re.compile(r"\s*([a-zA-Z_][a-zA-Z0-9_-]*)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]*);")


def _decode_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith(("#x", "#X")):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    if name in NAMED_ENTITIES:
        return NAMED_ENTITIES[name]
    raise bad(f'can\'t parse entities: Unsupported HTML entity "&{name};"')


def _decode_text(raw: str, where: int) -> str:
    """Text between tags (or an attribute value): entities decoded; a stray '&' or '<' rejected."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "&":
            match = _ENTITY.match(raw, i)
            if not match:
                raise bad(
                    f'can\'t parse entities: Unescaped "&" at byte offset {where + i}; '
                    "use &amp; for a literal ampersand"
                )
            out.append(_decode_entity(match))
            i = match.end()
        elif ch == "<":
            raise bad(f'can\'t parse entities: Unexpected "<" at byte offset {where + i}')
        else:
            out.append(ch)
            i += 1
    return "".join(out)


@dataclass
class Entity:
    """One formatting entity of a parsed message (offsets in UTF-16 units, as Telegram's)."""

    type: str
    offset: int
    length: int
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type, "offset": self.offset, "length": self.length}
        if self.url is not None:
            data["url"] = self.url
        return data


_ENTITY_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "span": "spoiler", "tg-spoiler": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}  # fmt: skip


def parse_html(html_text: str) -> tuple[str, list[Entity]]:
    """Visible text and entities of an HTML-mode message, or ApiError as Telegram would raise."""
    text: list[str] = []
    entities: list[Entity] = []
    stack: list[tuple[str, int, dict[str, str]]] = []  # (tag, utf16 start offset, attributes)
    position = 0  # UTF-16 offset into the visible text
    i = 0
    n = len(html_text)
    while i < n:
        lt = html_text.find("<", i)
        chunk_end = n if lt < 0 else lt
        if chunk_end > i:
            piece = _decode_text(html_text[i:chunk_end], i)
            text.append(piece)
            position += utf16_len(piece)
        if lt < 0:
            break
        i = lt
        gt = html_text.find(">", i)
        if html_text.startswith("</", i):
            if gt < 0:
                raise bad(f"can't parse entities: Unclosed end tag at byte offset {i}")
            name = html_text[i + 2 : gt].strip().lower()
            if not stack:
                raise bad(f"can't parse entities: Unexpected end tag at byte offset {i}")
            open_name, start, attrs = stack.pop()
            if open_name != name:
                raise bad(
                    f"can't parse entities: Unmatched end tag at byte offset {i}, "
                    f'expected "</{open_name}>", found "</{name}>"'
                )
            kind = _ENTITY_TYPES[open_name]
            if open_name == "blockquote" and "expandable" in attrs:
                kind = "expandable_blockquote"
            if position > start:
                entities.append(Entity(kind, start, position - start, attrs.get("href")))
            i = gt + 1
            continue
        match = _TAG_NAME.match(html_text, i + 1)
        if not match:
            raise bad(f'can\'t parse entities: Unexpected "<" at byte offset {i}; use &lt;')
        name = match.group(0).lower()
        if name not in ALLOWED_TAGS:
            raise bad(f'can\'t parse entities: Unsupported start tag "{name}" at byte offset {i}')
        if gt < 0:
            raise bad(f"can't parse entities: Unclosed start tag at byte offset {i}")
        attrs: dict[str, str] = {}
        j = match.end()
        while j < gt:
            attr = _ATTR.match(html_text, j, gt)
            if not attr or attr.end() == j:
                if html_text[j:gt].strip() in ("", "/"):
                    break
                raise bad(f"can't parse entities: Invalid attribute at byte offset {j}")
            value = attr.group(2) or ""
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            attrs[attr.group(1).lower()] = _decode_text(value, j)
            j = attr.end()
        if name == "a" and not attrs.get("href"):
            raise bad('can\'t parse entities: Tag "a" must have attribute "href"')
        if name == "a" and not re.match(r"(https?|tg|mailto)://?", attrs["href"], re.I):
            raise bad(f'can\'t parse entities: Wrong URL "{attrs["href"]}" in tag "a"')
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise bad('can\'t parse entities: Tag "span" must have class "tg-spoiler"')
        if name == "tg-emoji" and "emoji-id" not in attrs:
            raise bad('can\'t parse entities: Tag "tg-emoji" must have attribute "emoji-id"')
        stack.append((name, position, attrs))
        i = gt + 1
    if stack:
        raise bad(f"can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1][0]}\"")
    return "".join(text), sorted(entities, key=lambda e: (e.offset, -e.length))


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@dataclass
class Call:
    """One request the bot made, with what the server answered."""

    method: str
    params: dict[str, Any]
    time: float
    ok: bool = True
    error: str = ""
    result: Any = None
    done: bool = True  # False while the server is still working on it (a long poll)


@dataclass
class SentMessage:
    """A message the bot sent (kept up to date by edits)."""

    chat_id: int
    message_id: int
    text: str  # visible text, as a user sees it
    html: str  # what the bot sent, before parsing
    parse_mode: str | None
    entities: list[Entity]
    reply_markup: dict[str, Any] | None
    reply_to: int | None
    time: float
    seq: int = 0  # position in the call log when it was sent, comparable with mark()
    edits: int = 0
    json: dict[str, Any] = field(default_factory=dict)

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """Inline keyboard buttons, flattened."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    @property
    def links(self) -> list[str]:
        """URLs of the message's text links."""
        return [e.url for e in self.entities if e.type == "text_link" and e.url]

    def button(self, label_part: str) -> dict[str, Any]:
        """The inline button whose label contains `label_part`."""
        for button in self.buttons:
            if label_part in button["text"]:
                return button
        raise KeyError(f"no button with {label_part!r} in {self.buttons}")


def _parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    """Request parameters from a form, multipart or JSON body (PTB sends forms)."""
    if not body:
        return {}
    if content_type.startswith("application/json"):
        data = json.loads(body)
        return {k: (v if isinstance(v, str) else json.dumps(v)) for k, v in data.items()}
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        params: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            if part.get_filename():
                params[str(name)] = {"filename": part.get_filename(), "data": payload}
            else:
                params[str(name)] = payload.decode()
        return params
    return dict(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True))


def _json_param(params: dict[str, Any], name: str) -> Any:
    value = params.get(name)
    if value is None or not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError as exc:
        raise bad(f"can't parse {name} JSON object") from exc


def _int_param(params: dict[str, Any], name: str, default: int | None = None) -> int:
    value = params.get(name)
    if value is None or value == "":
        if default is None:
            raise bad(f"{name} is empty")
        return default
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise bad(f"invalid {name} specified") from exc


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


class FakeTelegram:
    """The fake Bot API: start(), play users, inspect calls, stop(). Thread-safe throughout."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_id: int = 987654321,
        bot_username: str = "PlasticPolicyBot",
        bot_name: str = "Plastic Policy Assistant",
        port: int = 0,
    ) -> None:
        self.token = token
        self.bot = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self._port = port
        self._cond = threading.Condition()
        self._calls: list[Call] = []
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}  # every message, users' too
        self._sent: list[SentMessage] = []
        self._files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, data)
        self._callback_queries: dict[str, bool] = {}  # id -> answered
        self._commands: dict[str, Any] = {}
        self._failures: dict[str, list[ApiError]] = {}
        self._webhook: dict[str, Any] = {}
        self._chats: set[int] = set()
        self._members: dict[tuple[int, int], str] = {}  # (chat, user) -> status set by a test
        self._ids = itertools.count(1)
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # ---- life cycle ---------------------------------------------------------------------------

    def start(self) -> FakeTelegram:
        """Listen on 127.0.0.1 (a free port unless one was given) in a daemon thread."""
        handler = _make_handler(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", self._port), handler)
        self._server.daemon_threads = True
        thread = threading.Thread(target=self._server.serve_forever, name="fake-telegram", daemon=True)
        thread.start()
        self._threads.append(thread)
        delivery = threading.Thread(target=self._deliver_webhooks, name="fake-webhook", daemon=True)
        delivery.start()
        self._threads.append(delivery)
        return self

    def stop(self) -> None:
        """Stop serving; long polls in progress return at once."""
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()
        if self._server:
            self._server.shutdown()
            self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server, "start() first"
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The Bot API root, as TELEGRAM_API_BASE wants it."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def bot_id(self) -> int:
        return int(self.bot["id"])

    @property
    def bot_username(self) -> str:
        return str(self.bot["username"])

    # ---- what the bot did ---------------------------------------------------------------------

    def calls(self, method: str | None = None, since: int = 0) -> list[Call]:
        """Recorded requests (optionally of one method), from index `since` of the full log."""
        with self._cond:
            log = self._calls[since:]
        if method is None:
            return log
        return [c for c in log if c.method.lower() == method.lower()]

    def mark(self) -> int:
        """A position in the call log, for `since=`."""
        with self._cond:
            return len(self._calls)

    def sent_messages(self, chat_id: int | None = None, since: int = 0) -> list[SentMessage]:
        """Messages the bot sent, oldest first (`since` = a mark() taken before)."""
        with self._cond:
            return [m for m in self._sent if (chat_id is None or m.chat_id == chat_id) and m.seq >= since]

    def errors(self, since: int = 0) -> list[Call]:
        """Requests of the bot that the server rejected (failed webhook deliveries are retried, as
        Telegram does, and are not the bot's errors: see calls("webhook:POST"))."""
        return [c for c in self.calls(since=since) if not c.ok and not c.method.startswith("webhook:")]

    def commands(self, scope: str = "default") -> list[dict[str, Any]]:
        """The command menu last set with setMyCommands for a scope ("default", "chat:42", "default/ms")."""
        with self._cond:
            return list(self._commands.get(scope, []))

    def wait_for(self, predicate: Callable[[], T], timeout: float = 30.0, what: str = "") -> T:
        """Wait until `predicate()` is truthy (re-checked after every request) and return it."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    recent = "\n".join(
                        f"  {c.method} ok={c.ok} {c.error} {str(c.params)[:200]}" for c in self._calls[-15:]
                    )
                    raise TimeoutError(f"timed out waiting for {what or predicate}; recent calls:\n{recent}")
                self._cond.wait(min(remaining, 0.25))

    def wait_for_messages(
        self, chat_id: int, count: int = 1, since: int = 0, timeout: float = 30.0
    ) -> list[SentMessage]:
        """The first `count` messages the bot sends to `chat_id` after mark `since`."""
        return self.wait_for(
            lambda: (msgs := self.sent_messages(chat_id, since)) and len(msgs) >= count and msgs,
            timeout,
            f"{count} message(s) to chat {chat_id}",
        )[:count]

    def fail_next(
        self, method: str, description: str = "Bad Request: injected failure", code: int = 400, times: int = 1
    ) -> None:
        """Make the next `times` calls of `method` fail (to exercise the bot's error handling).

        `code=500` or `502` with "Internal Server Error" / "Bad Gateway" plays Telegram having a bad
        moment; a 400 is a refusal that retrying cannot fix.
        """
        with self._cond:
            self._failures.setdefault(method.lower(), []).extend(
                ApiError(description, code) for _ in range(times)
            )

    # ---- playing users ------------------------------------------------------------------------

    def _user(
        self, user_id: int, first_name: str | None, username: str | None, language_code: str = "en"
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name or f"User{user_id}"}
        if username:
            user["username"] = username
        if language_code:  # clients send their interface language; some send none
            user["language_code"] = language_code
        return user

    def _chat(self, chat_id: int, chat_type: str, user: dict[str, Any], title: str | None) -> dict[str, Any]:
        if chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": user["first_name"]}
        return {"id": chat_id, "type": chat_type, "title": title or f"Group {chat_id}"}

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        with self._cond:
            update["update_id"] = next(self._update_ids)
            self._updates.append(update)
            self._cond.notify_all()
        return update

    def _new_message(
        self,
        user_id: int,
        chat_id: int | None,
        chat_type: str,
        first_name: str | None,
        username: str | None,
        title: str | None,
        reply_to: SentMessage | dict[str, Any] | int | None,
        content: dict[str, Any],
        language_code: str = "en",
    ) -> dict[str, Any]:
        chat_id = user_id if chat_id is None else chat_id
        if chat_type == "private" and chat_id != user_id:
            raise ValueError("a private chat's id is the user's id")
        user = self._user(user_id, first_name, username, language_code)
        with self._cond:
            message: dict[str, Any] = {
                "message_id": self._next_message_id(chat_id),
                "date": int(time.time()),
                "chat": self._chat(chat_id, chat_type, user, title),
                "from": user,
                **content,
            }
            if reply_to is not None:
                reply_id = (
                    reply_to
                    if isinstance(reply_to, int)
                    else (
                        reply_to.message_id if isinstance(reply_to, SentMessage) else reply_to["message_id"]
                    )
                )
                original = self._messages.get((chat_id, reply_id))
                if original is None:
                    raise ValueError(f"no message {reply_id} in chat {chat_id} to reply to")
                message["reply_to_message"] = original
            self._messages[(chat_id, message["message_id"])] = message
            self._chats.add(chat_id)
        return message

    def user_sends(
        self,
        text: str,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        *,
        first_name: str | None = None,
        username: str | None = None,
        title: str | None = None,
        reply_to: SentMessage | dict[str, Any] | int | None = None,
        entities: list[dict[str, Any]] | None = None,
        push: bool = True,
        language_code: str = "en",
        anonymous: bool = False,
    ) -> dict[str, Any]:
        """A user sends a text message; commands and @mentions get entities as clients add them.

        With `push=False` the message exists (it can be replied to) but the bot never sees it;
        `language_code` is the user's app language, as Telegram reports it ("" for none);
        `anonymous` sends it as a group's anonymous administrator does, as the group itself.
        """
        if entities is None:
            entities = []
            command = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
            if command:
                entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group(0))})
            for mention in re.finditer(r"(?<![\w/])@[A-Za-z0-9_]{3,}", text):
                if command and mention.start() < command.end():
                    continue
                entities.append(
                    {
                        "type": "mention",
                        "offset": utf16_len(text[: mention.start()]),
                        "length": utf16_len(mention.group(0)),
                    }
                )
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        message = self._new_message(
            user_id, chat_id, chat_type, first_name, username, title, reply_to, content, language_code
        )
        if anonymous:
            message |= {"from": dict(ANONYMOUS_ADMIN), "sender_chat": message["chat"]}
        if push:
            self._push({"message": message})
        return message

    def user_mentions_bot(
        self,
        before: str,
        after: str,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "group",
    ) -> dict[str, Any]:
        """A text_mention of the bot (a mention by name, for users without a username)."""
        name = str(self.bot["first_name"])
        text = before + name + after
        entity = {
            "type": "text_mention",
            "offset": utf16_len(before),
            "length": utf16_len(name),
            "user": {k: self.bot[k] for k in ("id", "is_bot", "first_name", "username")},
        }
        message = self._new_message(
            user_id, chat_id, chat_type, None, None, None, None, {"text": text, "entities": [entity]}
        )
        self._push({"message": message})
        return message

    def _add_file(self, data: bytes, suffix: str) -> tuple[str, str]:
        number = next(self._ids)
        file_id = f"FILE{number:06d}x{len(data)}"
        file_path = f"documents/file_{number}{suffix}"
        with self._cond:
            self._files[file_id] = (file_path, data)
        return file_id, file_path

    def user_sends_document(
        self,
        data: bytes,
        file_name: str,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        *,
        mime_type: str | None = None,
        caption: str | None = None,
        file_size: int | None = None,
    ) -> dict[str, Any]:
        """A user sends a file; `file_size` can claim a size other than the real one."""
        suffix = "." + file_name.rsplit(".", 1)[-1] if "." in file_name else ""
        file_id, _ = self._add_file(data, suffix)
        document: dict[str, Any] = {
            "file_id": file_id,
            "file_unique_id": "U" + file_id,
            "file_name": file_name,
            "file_size": len(data) if file_size is None else file_size,
        }
        if mime_type:
            document["mime_type"] = mime_type
        content: dict[str, Any] = {"document": document}
        if caption:
            content["caption"] = caption
            mentions = [
                {
                    "type": "mention",
                    "offset": utf16_len(caption[: m.start()]),
                    "length": utf16_len(m.group(0)),
                }
                for m in re.finditer(r"(?<![\w/])@[A-Za-z0-9_]{3,}", caption)
            ]  # as clients add them
            if mentions:
                content["caption_entities"] = mentions
        message = self._new_message(user_id, chat_id, chat_type, None, None, None, None, content)
        self._push({"message": message})
        return message

    def user_sends_media(
        self,
        kind: str,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        *,
        reply_to: SentMessage | dict[str, Any] | int | None = None,
    ) -> dict[str, Any]:
        """A photo, sticker, voice, video, audio or location message."""
        file_id, _ = self._add_file(b"\x00" * 64, ".bin")
        base = {"file_id": file_id, "file_unique_id": "U" + file_id, "file_size": 64}
        contents: dict[str, dict[str, Any]] = {
            "photo": {"photo": [base | {"width": 90, "height": 90}]},
            "sticker": {
                "sticker": base
                | {"type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False}
            },
            "voice": {"voice": base | {"duration": 3}},
            "video": {"video": base | {"width": 320, "height": 240, "duration": 3}},
            "audio": {"audio": base | {"duration": 3}},
            "location": {"location": {"latitude": 13.75, "longitude": 100.5}},
        }
        message = self._new_message(user_id, chat_id, chat_type, None, None, None, reply_to, contents[kind])
        self._push({"message": message})
        return message

    def user_edits(self, message: dict[str, Any], new_text: str) -> dict[str, Any]:
        """A user edits a message they sent earlier."""
        edited = dict(message, text=new_text, edit_date=int(time.time()))
        edited.pop("entities", None)
        self._push({"edited_message": edited})
        return edited

    def user_clicks(
        self, message: SentMessage, callback_data: str, user_id: int = 1001, language_code: str = "en"
    ) -> str:
        """A user presses an inline button of a bot message; returns the callback query id."""
        with self._cond:
            query_id = f"CQ{next(self._ids)}"
            self._callback_queries[query_id] = False
            message_json = self._messages[(message.chat_id, message.message_id)]
        self._push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self._user(user_id, None, None, language_code),
                    "chat_instance": f"ci{message.chat_id}",
                    "data": callback_data,
                    "message": message_json,
                }
            }
        )
        return query_id

    def callback_answer(self, query_id: str, timeout: float = 30.0) -> Call:
        """The bot's answerCallbackQuery for a click."""
        return self.wait_for(
            lambda: next(
                (
                    c
                    for c in self.calls("answerCallbackQuery")
                    if c.params.get("callback_query_id") == query_id and c.done
                ),
                None,
            ),
            timeout,
            f"answerCallbackQuery {query_id}",
        )

    # ---- request handling ---------------------------------------------------------------------

    def handle(self, method: str, params: dict[str, Any]) -> Any:
        """Run one API method; returns its result or raises ApiError."""
        name = method.lower()
        with self._cond:
            failures = self._failures.get(name)
            if failures:
                raise failures.pop(0)
        handler = getattr(self, f"_api_{name}", None)
        if handler is None:
            raise ApiError("Not Found: method not found", 404)
        return handler(params)

    def record(self, call: Call) -> None:
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()

    def finish(self, call: Call, result: Any = None, error: str = "") -> None:
        with self._cond:
            call.result, call.ok, call.error, call.done = result, not error, error, True
            self._cond.notify_all()

    def _api_getme(self, params: dict[str, Any]) -> Any:
        return self.bot

    def _api_logout(self, params: dict[str, Any]) -> Any:
        return True

    def _api_getupdates(self, params: dict[str, Any]) -> Any:
        offset = _int_param(params, "offset", 0)
        limit = max(1, min(100, _int_param(params, "limit", 100)))
        timeout = max(0, _int_param(params, "timeout", 0))
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._webhook.get("url"):
                raise ApiError(
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                    409,
                )
            while True:
                # An offset confirms every update before it, as on Telegram.
                if offset:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or self._stopping.is_set():
                    return self._updates[:limit]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._cond.wait(remaining)

    def _api_deletewebhook(self, params: dict[str, Any]) -> Any:
        with self._cond:
            self._webhook = {}
            if str(params.get("drop_pending_updates", "")).lower() == "true":
                self._updates = []
        return True

    def _api_setwebhook(self, params: dict[str, Any]) -> Any:
        url = str(params.get("url", ""))
        secret = str(params.get("secret_token", ""))
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise bad("secret token contains unallowed characters")
        with self._cond:
            self._webhook = {"url": url, "secret_token": secret} if url else {}
            if str(params.get("drop_pending_updates", "")).lower() == "true":
                self._updates = []
            self._cond.notify_all()
        return True

    def _api_getwebhookinfo(self, params: dict[str, Any]) -> Any:
        with self._cond:
            pending = len(self._updates)
            return {
                "url": self._webhook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": pending,
            }

    def _api_setmycommands(self, params: dict[str, Any]) -> Any:
        commands = _json_param(params, "commands") or []
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                raise bad("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise bad("command description must be 1-256 characters")
        scope = self._scope_key(params)
        with self._cond:
            self._commands[scope] = commands
        return True

    def _scope_key(self, params: dict[str, Any]) -> str:
        """Command lists are kept per scope and language, as Telegram keeps them."""
        scope = _json_param(params, "scope") or {}
        kind = str(scope.get("type", "default"))
        language = str(params.get("language_code") or "")
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise bad("language_code must be a two-letter ISO 639-1 code")
        suffix = f"/{language}" if language else ""
        if "chat_id" in scope:
            self._known_chat(int(scope["chat_id"]))
            return f"{kind}:{scope['chat_id']}{suffix}"
        return kind + suffix

    def _api_getmycommands(self, params: dict[str, Any]) -> Any:
        scope = self._scope_key(params)
        with self._cond:
            return self._commands.get(scope, [])

    def _api_deletemycommands(self, params: dict[str, Any]) -> Any:
        with self._cond:
            self._commands.pop(self._scope_key(params), None)
        return True

    def _api_sendchataction(self, params: dict[str, Any]) -> Any:
        chat_id = _int_param(params, "chat_id")
        if params.get("action") not in CHAT_ACTIONS:
            raise bad("wrong parameter action in request")
        self._known_chat(chat_id)
        return True

    def set_member(self, chat_id: int, user_id: int, status: str) -> None:
        """Make `user_id` a "creator", "administrator", "member" or "left" of group `chat_id`."""
        if status not in ("creator", "administrator", "member", "left"):
            raise ValueError(f"unsupported member status {status!r}")
        with self._cond:
            self._members[(chat_id, user_id)] = status

    def _member_json(self, chat_id: int, user_id: int) -> dict[str, Any]:
        with self._cond:
            sent = [
                m["from"]
                for (c, _), m in self._messages.items()
                if c == chat_id and m.get("from", {}).get("id") == user_id
            ]
            # Without a status set, whoever has written in the chat is a member; anyone else has "left".
            status = self._members.get((chat_id, user_id), "member" if sent else "left")
        member: dict[str, Any] = {
            "status": status,
            "user": sent[-1] if sent else self._user(user_id, None, None),
        }
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member |= {"can_be_edited": False, "is_anonymous": False} | dict.fromkeys(ADMIN_RIGHTS, True)
        return member

    def _api_getchatmember(self, params: dict[str, Any]) -> Any:
        chat_id = _int_param(params, "chat_id")
        self._known_chat(chat_id)
        return self._member_json(chat_id, _int_param(params, "user_id"))

    def _api_getchatadministrators(self, params: dict[str, Any]) -> Any:
        chat_id = _int_param(params, "chat_id")
        self._known_chat(chat_id)
        if chat_id > 0:
            raise bad("there are no administrators in the private chat")
        with self._cond:
            ids = [
                u for (c, u), s in self._members.items() if c == chat_id and s in ("creator", "administrator")
            ]
        return [self._member_json(chat_id, u) for u in ids]

    def _known_chat(self, chat_id: int) -> None:
        with self._cond:
            if chat_id not in self._chats:
                raise bad("chat not found")

    def _validate_text(self, params: dict[str, Any], key: str = "text") -> tuple[str, str, list[Entity]]:
        raw = params.get(key)
        if raw is None or raw == "":
            raise bad("message text is empty")
        raw = str(raw)
        parse_mode = params.get("parse_mode") or None
        if parse_mode is None:
            text, entities = raw, []
        elif parse_mode.upper() == "HTML":
            text, entities = parse_html(raw)
        else:
            raise bad(f"unsupported parse_mode {parse_mode!r} in this fake server")
        if not text.strip():
            raise bad("message text is empty")
        # Deliberately stricter than Telegram (which counts visible text only): a bot that keeps
        # even its raw HTML under the limit can never be caught out by entity overhead.
        if utf16_len(text) > MAX_TEXT or utf16_len(raw) > MAX_TEXT:
            raise bad("message is too long")
        return raw, text, entities

    def _validate_markup(self, params: dict[str, Any]) -> dict[str, Any] | None:
        markup = _json_param(params, "reply_markup")
        if markup is None:
            return None
        if "inline_keyboard" not in markup:
            return markup
        for row in markup["inline_keyboard"]:
            for button in row:
                if not button.get("text"):
                    raise bad("text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                    raise bad("BUTTON_DATA_INVALID")
                url = button.get("url")
                if url is not None and not re.match(r"(https?|tg)://", url):
                    raise bad(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")
        return markup

    def _message_json(self, sent: SentMessage) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": sent.message_id,
            "date": int(sent.time),
            "chat": self._chat_json(sent.chat_id),
            "from": self.bot,
            "text": sent.text,
        }
        if sent.entities:
            data["entities"] = [e.to_json() for e in sent.entities]
        if sent.reply_markup:
            data["reply_markup"] = sent.reply_markup
        if sent.reply_to is not None:
            original = self._messages.get((sent.chat_id, sent.reply_to))
            if original:
                data["reply_to_message"] = {k: v for k, v in original.items() if k != "reply_to_message"}
        if sent.edits:
            data["edit_date"] = int(time.time())
        return data

    def _chat_json(self, chat_id: int) -> dict[str, Any]:
        for (cid, _), message in reversed(self._messages.items()):
            if cid == chat_id:
                return dict(message["chat"])
        return {"id": chat_id, "type": "private" if chat_id > 0 else "group", "first_name": "?"}

    def _api_sendmessage(self, params: dict[str, Any]) -> Any:
        chat_id = _int_param(params, "chat_id")
        self._known_chat(chat_id)
        raw, text, entities = self._validate_text(params)
        markup = self._validate_markup(params)
        reply = _json_param(params, "reply_parameters") or {}
        reply_to = reply.get("message_id") or (
            int(params["reply_to_message_id"]) if params.get("reply_to_message_id") else None
        )
        with self._cond:
            if reply_to is not None and (chat_id, reply_to) not in self._messages:
                if not reply.get("allow_sending_without_reply"):
                    raise bad("message to be replied not found")
                reply_to = None
            sent = SentMessage(
                chat_id=chat_id,
                message_id=self._next_message_id(chat_id),
                text=text,
                html=raw,
                parse_mode=params.get("parse_mode") or None,
                entities=entities,
                reply_markup=markup,
                reply_to=reply_to,
                time=time.time(),
                seq=len(self._calls) - 1,  # this request's own place in the log, or later
            )
            sent.json = self._message_json(sent)
            self._messages[(chat_id, sent.message_id)] = sent.json
            self._sent.append(sent)
            return sent.json

    def _find_sent(self, params: dict[str, Any]) -> SentMessage:
        chat_id = _int_param(params, "chat_id")
        message_id = _int_param(params, "message_id")
        for sent in self._sent:
            if sent.chat_id == chat_id and sent.message_id == message_id:
                return sent
        if (chat_id, message_id) in self._messages:
            raise bad("message can't be edited")
        raise bad("message to edit not found")

    def _api_editmessagetext(self, params: dict[str, Any]) -> Any:
        raw, text, entities = self._validate_text(params)
        markup = self._validate_markup(params)
        with self._cond:
            sent = self._find_sent(params)
            if (
                sent.html == raw
                and sent.parse_mode == (params.get("parse_mode") or None)
                and sent.reply_markup == markup
            ):
                raise bad(
                    "message is not modified: specified new message content and reply markup are "
                    "exactly the same as a current content and reply markup of the message"
                )
            sent.html, sent.text, sent.entities, sent.reply_markup = raw, text, entities, markup
            sent.parse_mode = params.get("parse_mode") or None
            sent.edits += 1
            sent.json = self._message_json(sent)
            self._messages[(sent.chat_id, sent.message_id)] = sent.json
            return sent.json

    def _api_editmessagereplymarkup(self, params: dict[str, Any]) -> Any:
        markup = self._validate_markup(params)
        with self._cond:
            sent = self._find_sent(params)
            if sent.reply_markup == markup:
                raise bad("message is not modified")
            sent.reply_markup = markup
            sent.edits += 1
            sent.json = self._message_json(sent)
            self._messages[(sent.chat_id, sent.message_id)] = sent.json
            return sent.json

    def _api_answercallbackquery(self, params: dict[str, Any]) -> Any:
        query_id = str(params.get("callback_query_id", ""))
        if len(str(params.get("text", ""))) > MAX_CALLBACK_ANSWER:
            raise bad("MESSAGE_TOO_LONG")
        with self._cond:
            if self._callback_queries.get(query_id, True):
                raise bad("query is too old and response timeout expired or query ID is invalid")
            self._callback_queries[query_id] = True
        return True

    def _api_getfile(self, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id", ""))
        with self._cond:
            if file_id not in self._files:
                raise bad("invalid file_id")
            file_path, data = self._files[file_id]
        if len(data) > 20 * 1024 * 1024:
            raise bad("file is too big")
        return {
            "file_id": file_id,
            "file_unique_id": "U" + file_id,
            "file_size": len(data),
            "file_path": file_path,
        }

    def _api_senddocument(self, params: dict[str, Any]) -> Any:
        chat_id = _int_param(params, "chat_id")
        self._known_chat(chat_id)
        document = params.get("document")
        if not document:
            raise bad("there is no document in the request")
        with self._cond:
            caption = str(params.get("caption", ""))
            message_id = self._next_message_id(chat_id)
            sent = SentMessage(
                chat_id, message_id, caption, "", None, [], None, None, time.time(), len(self._calls) - 1
            )
            sent.json = self._message_json(sent) | {"document": {"file_id": "SENT", "file_unique_id": "SENT"}}
            self._messages[(chat_id, sent.message_id)] = sent.json
            self._sent.append(sent)
            return sent.json

    def download(self, file_path: str) -> bytes:
        with self._cond:
            for path, data in self._files.values():
                if path == file_path:
                    return data
        raise ApiError("Not Found", 404)

    # ---- webhook delivery ---------------------------------------------------------------------

    def _deliver_webhooks(self) -> None:
        """POST queued updates to the bot's webhook, as Telegram does once one is set."""
        while not self._stopping.is_set():
            with self._cond:
                hook = dict(self._webhook)
                update = self._updates[0] if hook.get("url") and self._updates else None
                if update is None:
                    self._cond.wait(0.2)
                    continue
            request = urllib.request.Request(
                hook["url"],
                data=json.dumps(update).encode(),
                headers={"Content-Type": "application/json"}
                | (
                    {"X-Telegram-Bot-Api-Secret-Token": hook["secret_token"]}
                    if hook.get("secret_token")
                    else {}
                ),
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    delivered = 200 <= response.status < 300
            except OSError:
                delivered = False
            self.record(Call("webhook:POST", {"update_id": update["update_id"]}, time.time(), delivered))
            with self._cond:
                if delivered:
                    self._updates = [u for u in self._updates if u is not update]
                else:
                    self._cond.wait(0.2)


def _make_handler(fake: FakeTelegram) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as PTB's httpx pool expects

        def log_message(self, format: str, *args: Any) -> None:
            pass  # tests read the call log instead

        def _reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _api(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
            file_prefix = f"/file/bot{fake.token}/"
            if path.startswith("/file/bot"):
                if not path.startswith(file_prefix):
                    fake.record(Call("download", {"path": path}, time.time(), False, "Unauthorized"))
                    self._reply(
                        401,
                        json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"}).encode(),
                    )
                    return
                file_path = path[len(file_prefix) :]
                call = Call("download", {"file_path": file_path}, time.time())
                try:
                    data = fake.download(file_path)
                except ApiError as exc:
                    call.ok, call.error = False, exc.description
                    fake.record(call)
                    self._reply(404, b"Not Found", "text/plain")
                    return
                fake.record(call)
                self._reply(200, data, "application/octet-stream")
                return
            match = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)", path)
            if not match:
                self._reply(
                    404, json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}).encode()
                )
                return
            method = match.group(2)
            params: dict[str, Any] = query
            try:
                params |= _parse_body(self.headers.get("Content-Type", ""), body)
            except Exception:
                params |= {"_unparsed": body[:200].decode(errors="replace")}
            # Logged on arrival, so a long poll in progress shows (the bot is polling), and the log
            # keeps the order in which the bot made its requests.
            call = Call(method, params, time.time(), done=False)
            fake.record(call)
            try:
                if match.group(1) != fake.token:
                    raise ApiError("Unauthorized", 401)
                result = fake.handle(method, params)
                payload = {"ok": True, "result": result}
                status = 200
                fake.finish(call, result=result)
            except ApiError as exc:
                payload = {"ok": False, "error_code": exc.code, "description": exc.description}
                status = exc.code
                fake.finish(call, error=exc.description)
            # OSError: the client gave up on a long poll; there is no one left to tell.
            with contextlib.suppress(OSError):
                self._reply(status, json.dumps(payload).encode())

        do_GET = _api
        do_POST = _api

    return Handler


def bot_settings(fake: FakeTelegram, **changes: Any) -> Any:
    """bot.BotSettings pointing the bot at this fake server (token, API root), with other changes."""
    import bot  # the module under test; imported late so this file also runs without it

    return bot.BotSettings(token=fake.token, api_base=fake.url, **changes)


class BotThread:
    """The real bot Application (bot.py) served by `run_polling` in a thread with its own loop.

    Tests stay synchronous and talk to the bot only through the fake server, as users would.
    `settings` are the library's (retriever.Settings), `telegram` the bot's (bot.BotSettings).
    """

    def __init__(self, settings: Any, telegram: Any, *, rate_limit: bool = True) -> None:
        import bot

        self.bot_module = bot
        self.settings = settings
        self.telegram = telegram
        self.application = bot.build_application(settings, telegram, rate_limit=rate_limit)
        self.loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self, fake: FakeTelegram, timeout: float = 180.0) -> BotThread:
        """Start serving and wait until the bot polls (post_init, warm-up included, is done)."""
        mark = fake.mark()
        ready = threading.Event()

        def run() -> None:
            self.loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self.loop)
            ready.set()
            try:
                self.bot_module.serve(self.application, self.telegram, in_thread=True)
            except BaseException as exc:  # surfaced by stop(), not lost in the thread
                self.error = exc

        self._thread = threading.Thread(target=run, name="bot-under-test", daemon=True)
        self._thread.start()
        ready.wait(10)
        fake.wait_for(lambda: fake.calls("getUpdates", since=mark) or self.error, timeout, "the bot to poll")
        if self.error:
            raise RuntimeError("the bot failed to start") from self.error
        return self

    def run(self, coroutine: Any, timeout: float = 60.0) -> Any:
        """Run a coroutine on the bot's loop (to call bot.py functions with its live Bot)."""
        assert self.loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def stop(self, timeout: float = 120.0) -> None:
        """Stop as a stop signal would: pending updates and background tasks are finished first."""
        if self.loop is not None and self._thread is not None and self._thread.is_alive():
            self.loop.call_soon_threadsafe(self.application.stop_running)
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise TimeoutError("the bot did not stop")
        if self.error:
            raise RuntimeError("the bot thread failed") from self.error


def ask_bot(
    fake: FakeTelegram,
    text: str,
    user_id: int = 1001,
    chat_id: int | None = None,
    chat_type: str = "private",
    timeout: float = 60.0,
    **kwargs: Any,
) -> list[SentMessage]:
    """Send a question and return the bot's whole answer (its last part carries the buttons)."""
    chat = user_id if chat_id is None else chat_id
    mark = fake.mark()
    fake.user_sends(text, user_id, chat_id, chat_type, **kwargs)
    return fake.wait_for(
        lambda: (msgs := fake.sent_messages(chat, since=mark)) and msgs[-1].buttons and msgs,
        timeout,
        f"an answer to {text!r}",
    )


def _demo(argv: list[str] | None = None) -> int:
    """Serve on a fixed port and let a person at the terminal be user 1001 in a private chat."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    args = parser.parse_args(argv)
    fake = FakeTelegram(args.token, port=args.port).start()
    print(f"TELEGRAM_API_BASE={fake.url} TELEGRAM_BOT_TOKEN={args.token}  (type lines; Ctrl-D quits)")
    shown = 0
    try:
        while True:
            try:
                line = input("you> ")
            except EOFError:
                break
            mark = fake.mark()
            fake.user_sends(line)
            try:
                fake.wait_for_messages(1001, 1, since=mark, timeout=60)
                time.sleep(0.5)
            except TimeoutError:
                print("(no reply)")
            for message in fake.sent_messages(1001)[shown:]:
                print(f"bot> {message.text}\n   buttons: {[b['text'] for b in message.buttons]}")
            shown = len(fake.sent_messages(1001))
    finally:
        fake.stop()
    return 0


class Rejections:
    """How many requests a test expects the fake server to reject (its injected faults; normally none)."""

    def __init__(self) -> None:
        self.allowed = 0


def reply_containing(
    fake: FakeTelegram, chat_id: int, mark: int, text: str, timeout: float = 300
) -> SentMessage:
    """The first message to `chat_id` since `mark` that contains `text` (waits up to `timeout` s)."""
    return fake.wait_for(
        lambda: next((m for m in fake.sent_messages(chat_id, since=mark) if text in m.text), None),
        timeout,
        f"{text!r} in chat {chat_id}",
    )


if __name__ == "__main__":
    raise SystemExit(_demo())
