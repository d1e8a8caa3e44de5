"""command_problems: what Discord would reject in a synced command list."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tests.e2e.fake_discord.payloads import JSON

_NAME = re.compile(r"^[-_\w]{1,32}$")
_MAX_COMMAND_CHARS = 4000


def command_problems(definitions: Sequence[JSON]) -> list[str]:
    """What Discord would reject in a synced command list (empty when valid).

    Checks the documented limits: lowercase names of 1-32 characters,
    descriptions of 1-100, at most 25 options and 25 choices, required options
    first, unique names, at most 100 chat commands and 4,000 characters each.
    """
    problems: list[str] = []
    chat = [d for d in definitions if d.get("type", 1) == 1]
    if len(chat) > 100:
        problems.append(f"{len(chat)} slash commands (max 100)")
    names = [d["name"] for d in chat]
    problems += [
        f"duplicate command /{n}" for n in sorted({n for n in names if names.count(n) > 1})
    ]
    for definition in chat:
        _check_entry(definition, f"/{definition['name']}", problems)
        if (size := _text_size(definition)) > _MAX_COMMAND_CHARS:
            problems.append(f"/{definition['name']}: {size} characters (max 4000)")
    return problems


def _check_entry(entry: JSON, where: str, problems: list[str]) -> None:
    name, description = entry.get("name", ""), entry.get("description", "")
    if not _NAME.fullmatch(name) or name != name.lower():
        problems.append(f"{where}: name {name!r} must be 1-32 lowercase letters, digits, - or _")
    if not 1 <= len(description) <= 100:
        problems.append(f"{where}: description must be 1-100 characters, has {len(description)}")
    options: list[JSON] = entry.get("options") or []
    if len(options) > 25:
        problems.append(f"{where}: {len(options)} options (max 25)")
    option_names = [o.get("name") for o in options]
    if len(set(option_names)) != len(option_names):
        problems.append(f"{where}: duplicate option names")
    required = [bool(o.get("required")) for o in options if o.get("type") not in (1, 2)]
    if required != sorted(required, reverse=True):
        problems.append(f"{where}: required options must come before optional ones")
    for option in options:
        _check_option(option, f"{where} {option.get('name')}", problems)


def _check_option(option: JSON, where: str, problems: list[str]) -> None:
    _check_entry(option, where, problems)
    choices: list[JSON] = option.get("choices") or []
    if len(choices) > 25:
        problems.append(f"{where}: {len(choices)} choices (max 25)")
    if choices and option.get("autocomplete"):
        problems.append(f"{where}: choices and autocomplete are exclusive")
    for choice in choices:
        if not 1 <= len(str(choice.get("name", ""))) <= 100:
            problems.append(f"{where}: choice name must be 1-100 characters")
        if isinstance(choice.get("value"), str) and len(choice["value"]) > 100:
            problems.append(f"{where}: choice value longer than 100 characters")


def _text_size(entry: JSON) -> int:
    """Characters Discord counts toward a command's 4,000 limit."""
    size = len(entry.get("name", "")) + len(entry.get("description", ""))
    for choice in entry.get("choices") or []:
        size += len(str(choice.get("name", ""))) + len(str(choice.get("value", "")))
    return size + sum(_text_size(o) for o in entry.get("options") or [])
