"""Texts a curator adds and removes in chat (`/sources add`, `/sources remove`): the
files and the store writes, free of any chat service.

An added text waits in `<texts>/.pending/<sha256>/<name>` until it is confirmed, so
nothing unconfirmed reaches the store or a rebuild (collect_sources skips hidden
folders). Confirmed, it moves into the texts folder and is ingested from there, so the
store stays rebuildable from the seeds and that folder. A removed text's file moves
into `<texts>/.removed/`: a user's file is never deleted. Each write opens a connection
of its own (the bot's are read-only), to be run in a thread; the bot's store watch then
reloads its lookups.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from db.ingest import SOURCE_SUFFIXES
from db.records import ParsedDocument
from db.write.bootstrap import StoreRefused, writing
from db.write.preview import PreviewError, preview
from db.write.writer import FileOutcome, ingest_paths, remove_documents

# The largest text a curator may attach: a long article is well under 1 MB, and the
# bot reads the attachment into memory and parses it while it serves commands.
MAX_ADDED_BYTES: Final = 2 * 1024 * 1024
PENDING: Final = ".pending"
# A preview waits this long (seconds) for Confirm or Cancel; then its copy is cleared.
PENDING_KEPT: Final = 24 * 60 * 60
REMOVED: Final = ".removed"
# Files that only point at a page: a browser's or a desktop's link shortcuts.
LINK_SUFFIXES: Final = (".url", ".webloc", ".desktop")
DIGEST: Final = re.compile(r"[0-9a-f]{64}")
_UNSAFE = re.compile(r"[^\w.-]+")
_NAME_MAX = 100
_URL_ONLY = re.compile(r"\s*<?https?://\S+?>?\s*", re.IGNORECASE)
LINK_NOT_TEXT: Final = (
    "that is a link, not the text: save the page (Save page as…) and attach the .html file"
)


class CurationError(Exception):
    """Why a text cannot be added or removed: one line for the user; nothing changed."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotPendingError(CurationError):
    """No text waits under that digest (already confirmed or cancelled)."""


@dataclass(frozen=True, slots=True)
class Staged:
    """An added text waiting for confirmation: its digest, the pending copy, and what
    ingest would store from it."""

    digest: str
    path: Path
    document: ParsedDocument


@dataclass(frozen=True, slots=True)
class Removed:
    """A removed document's counts, and where its file went (None: left where it is,
    outside the texts folder)."""

    outcome: FileOutcome
    moved_to: Path | None


def megabytes(size: int) -> str:
    """'2 MB', '2.5 MB'."""
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def saved_name(filename: str) -> str:
    """The attachment's name as a file of ours: no folders, no leading dot, only
    letters, digits, '.', '-' and '_', at most _NAME_MAX characters."""
    name = _UNSAFE.sub("_", Path(filename.replace("\\", "/")).name).lstrip(".")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem[: _NAME_MAX - len(suffix) - 1] or "text"
    return f"{stem}.{suffix}" if suffix else stem


def check_upload(filename: str, size: int) -> str:
    """The name to save an attachment under, checked before it is downloaded: CurationError
    for a link shortcut, a type ingest does not read, or a file past MAX_ADDED_BYTES."""
    name = saved_name(filename)
    suffix = Path(name).suffix.lower()
    if suffix in LINK_SUFFIXES:
        raise CurationError(f"{name}: {LINK_NOT_TEXT}")
    if suffix not in SOURCE_SUFFIXES:
        raise CurationError(
            f"{name}: not a text source; attach a {', '.join(SOURCE_SUFFIXES)} file"
        )
    if size > MAX_ADDED_BYTES:
        raise CurationError(
            f"{name}: too large ({megabytes(size)}; limit is {megabytes(MAX_ADDED_BYTES)})"
        )
    return name


def expire_pending(texts: Path, *, now: float | None = None) -> int:
    """Delete the pending copies left waiting longer than PENDING_KEPT (a preview nobody
    confirmed or cancelled); only folders named by a digest, which only stage() makes.
    Returns how many went."""
    pending = texts / PENDING
    if not pending.is_dir():
        return 0
    cutoff = (time.time() if now is None else now) - PENDING_KEPT
    gone = 0
    for folder in pending.iterdir():
        if not (folder.is_dir() and DIGEST.fullmatch(folder.name)):
            continue
        try:
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder)  # only ever our own copy of an attachment
                gone += 1
        except OSError:  # confirmed or cancelled meanwhile
            continue
    return gone


def stage(texts: Path, filename: str, data: bytes) -> Staged:
    """Save the attachment's bytes as a pending text and read it as ingest would;
    CurationError (the pending copy removed again) for anything ingest would refuse.
    Copies left waiting past PENDING_KEPT are cleared first."""
    name = check_upload(filename, len(data))
    expire_pending(texts)
    if _URL_ONLY.fullmatch(data[:4096].decode("utf-8", "replace")):
        raise CurationError(f"{name}: {LINK_NOT_TEXT}")
    digest = hashlib.sha256(data).hexdigest()
    folder = texts / PENDING / digest
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    try:
        document = preview(path)
    except PreviewError as error:
        shutil.rmtree(folder)  # only ever our own copy of the attachment
        raise CurationError(f"{name}: {error.reason}") from None
    return Staged(digest, path, document)


def pending_file(texts: Path, digest: str) -> Path | None:
    """The text waiting under digest, if one does."""
    if not DIGEST.fullmatch(digest):
        return None
    folder = texts / PENDING / digest
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    return files[0] if len(files) == 1 and files[0].is_file() else None


def discard(texts: Path, digest: str) -> bool:
    """Delete the pending copy made under digest (and nothing else); False when none waits."""
    path = pending_file(texts, digest)
    if path is None:
        return False
    path.unlink()
    path.parent.rmdir()
    return True


def confirm(db_path: Path, texts: Path, digest: str) -> FileOutcome:
    """Move the pending text into the texts folder and ingest it on a connection of its
    own; on any failure it goes back to waiting, and the store is as it was."""
    source = pending_file(texts, digest)
    if source is None:
        raise NotPendingError("That text is no longer waiting (confirmed or cancelled already)")
    target = free_name(texts, source.name)
    source.rename(target)
    try:
        with writing(db_path, create=False) as conn:
            report = ingest_paths(conn, [target], workers=1)
    except StoreRefused as error:
        target.rename(source)
        raise CurationError(str(error)) from None
    except BaseException:
        target.rename(source)
        raise
    outcome = report.outcomes[0]
    if outcome.status == "failed":
        target.rename(source)
        raise CurationError(f"{source.name}: {outcome.reason}")
    source.parent.rmdir()
    return outcome


def remove(db_path: Path, texts: Path, key: str) -> Removed:
    """Remove a document from the store; move its file into `<texts>/.removed/` when it
    is one of the added texts, else leave the file where it is."""
    try:
        with writing(db_path, create=False) as conn:
            removal = remove_documents(conn, [Path(key)])
    except StoreRefused as error:
        raise CurationError(str(error)) from None
    if removal.unknown:
        raise NotPendingError("That document is no longer in the store")
    outcome = removal.removed[0]
    file = Path(outcome.path)
    if not (is_added(file, texts) and file.is_file()):
        return Removed(outcome, None)
    aside = free_name(texts / REMOVED, file.name)
    file.rename(aside)
    return Removed(outcome, aside)


def is_added(path: Path, texts: Path) -> bool:
    """Whether path is one of the texts folder's own (not waiting, not removed)."""
    try:
        inside = path.resolve().relative_to(texts.resolve())
    except ValueError:
        return False
    return not any(part.startswith(".") for part in inside.parts[:-1])


def free_name(folder: Path, name: str) -> Path:
    """folder/name, or folder/name-2, -3… when that is taken: nothing is overwritten."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, number = folder / name, 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{number}{suffix}"
    return candidate
