"""What Slack refuses in a message: the Block Kit limits and shapes Almanac relies on.

The stand-in checks every message the bot sends with `message_problems`; a test
asserts there are none, so a message the real Slack would refuse fails here first.
"""

from __future__ import annotations

from typing import Any

BLOCKS_MAX = 50
HEADER_MAX = 150
TEXT_MAX = 3000
CONTEXT_ELEMENTS_MAX = 10
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
ACTION_ID_MAX = 255
ACTIONS_ELEMENTS_MAX = 25
FALLBACK_MAX = 40_000
BLOCK_TYPES = {"header", "section", "context", "actions", "divider", "image"}


def message_problems(body: dict[str, Any]) -> list[str]:
    """Why Slack would refuse this message body (empty: it would take it)."""
    problems: list[str] = []
    text = body.get("text")
    blocks = body.get("blocks")
    if not text and not blocks:
        problems.append("no text and no blocks")
    if text is not None and (not isinstance(text, str) or len(text) > FALLBACK_MAX):
        problems.append("text is not a string within 40,000 characters")
    if blocks is None:
        return problems
    if not isinstance(blocks, list) or len(blocks) > BLOCKS_MAX:
        return [*problems, "blocks is not a list of at most 50"]
    for index, block in enumerate(blocks):
        problems += [f"block {index}: {p}" for p in _block_problems(block)]
    return problems


def _block_problems(block: Any) -> list[str]:
    if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
        return [f"unknown block {block!r:.80}"]
    kind = block["type"]
    if kind == "header":
        return _text_problems(block.get("text"), HEADER_MAX, plain_only=True)
    if kind == "section":
        return _text_problems(block.get("text"), TEXT_MAX)
    if kind == "context":
        elements = block.get("elements")
        if not isinstance(elements, list) or not 0 < len(elements) <= CONTEXT_ELEMENTS_MAX:
            return ["a context holds 1 to 10 elements"]
        return [p for e in elements for p in _text_problems(e, TEXT_MAX)]
    if kind == "actions":
        return _actions_problems(block.get("elements"))
    return []


def _text_problems(text: Any, limit: int, *, plain_only: bool = False) -> list[str]:
    kinds = ("plain_text",) if plain_only else ("plain_text", "mrkdwn")
    if not isinstance(text, dict) or text.get("type") not in kinds:
        return [f"a text object of {' or '.join(kinds)} is needed"]
    value = text.get("text")
    if not isinstance(value, str) or not value.strip():
        return ["an empty text"]
    if len(value) > limit:
        return [f"a text of {len(value)} characters (at most {limit})"]
    return []


def _actions_problems(elements: Any) -> list[str]:
    if not isinstance(elements, list) or not 0 < len(elements) <= ACTIONS_ELEMENTS_MAX:
        return ["an actions block holds 1 to 25 elements"]
    problems: list[str] = []
    ids = [e.get("action_id") for e in elements if isinstance(e, dict)]
    if len(set(ids)) != len(ids):
        problems.append("two elements of one block share an action_id")
    for element in elements:
        if not isinstance(element, dict) or element.get("type") != "button":
            problems.append("only buttons are expected")
            continue
        problems += _text_problems(element.get("text"), BUTTON_TEXT_MAX, plain_only=True)
        value, action_id = element.get("value", ""), element.get("action_id", "")
        if not isinstance(value, str) or len(value) > BUTTON_VALUE_MAX:
            problems.append("a button value over 2,000 characters")
        if not isinstance(action_id, str) or not 0 < len(action_id) <= ACTION_ID_MAX:
            problems.append("a button without a valid action_id")
    return problems
