"""/timeline's pictures shared by the bot processes of one machine: PNGs in a folder
(ALMANAC_PICTURE_CACHE), so a picture one process drew is read by the others instead
of drawn again (~0.2 s of CPU each), and a claim file says which process draws it.

Each file holds a header and a digest of the PNG, and is written to a temporary file
and renamed into place: a torn, damaged or foreign file is never served, only drawn
again. The folder keeps at most SHARED_PICTURES of its own files (the oldest go), and
touches no other file. A folder that cannot be used is left alone after one line in
the log, and the process keeps its pictures to itself.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from pathlib import Path
from typing import Final

log = logging.getLogger("almanac.pictures")

SHARED_PICTURES: Final = 256  # files kept (a picture is ~60 kB)
# A claim older than this is a drawer that died: another process may draw instead.
CLAIM_STALE: Final = 10.0
_MAGIC: Final = b"almanac timeline picture 1\n"
_DIGEST: Final = 32  # bytes of blake2b
_PICTURE: Final = re.compile(r"[0-9a-f]{64}\.png")  # the folder's own files, and no other
# A picture being written (`write`); one older than CLAIM_STALE was left by a process
# killed mid-write, since a write takes milliseconds.
_WRITING: Final = re.compile(r"\.[0-9a-f]{64}\.png\.\d+\.tmp")


def picture_name(key: object) -> str:
    """The file name of a picture: a digest of everything that tells it apart (its
    search, the store's version, what it shows)."""
    return hashlib.sha256(repr(key).encode()).hexdigest() + ".png"


class PictureFolder:
    """A folder of pictures that every process of the machine reads and writes."""

    def __init__(self, folder: Path, limit: int = SHARED_PICTURES) -> None:
        self.folder = folder
        self.limit = limit
        self.usable = True
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._unusable(error)

    def read(self, name: str) -> bytes | None:
        """The picture, or None when the folder has none sound under that name."""
        if not self.usable:
            return None
        try:
            data = (self.folder / name).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._unusable(error)
            return None
        head = len(_MAGIC) + _DIGEST
        if len(data) <= head or not data.startswith(_MAGIC):
            return None
        png = data[head:]
        if hashlib.blake2b(png, digest_size=_DIGEST).digest() != data[len(_MAGIC) : head]:
            return None
        return png

    def claim(self, name: str) -> bool:
        """Whether this process may draw the picture now: False while another process
        draws it (its claim file younger than CLAIM_STALE); True, with the claim taken,
        otherwise (and always on a folder that cannot be used)."""
        if not self.usable:
            return True
        claim = self._claim_path(name)
        for _ in range(2):
            try:
                fd = os.open(claim, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                try:
                    if time.time() - claim.stat().st_mtime < CLAIM_STALE:
                        return False
                    claim.unlink()  # its drawer died: take it over
                except FileNotFoundError:
                    pass  # released meanwhile: try again
                continue
            except OSError as error:
                self._unusable(error)
                return True
            os.close(fd)
            return True
        return False

    def release(self, name: str) -> None:
        """Give up the claim (the drawing failed, or it is written)."""
        try:
            self._claim_path(name).unlink(missing_ok=True)
        except OSError as error:
            self._unusable(error)

    def write(self, name: str, png: bytes) -> None:
        """Keep the picture for every process (atomically), release its claim, and remove
        the oldest pictures past the limit."""
        if not self.usable:
            return
        temporary = self.folder / f".{name}.{os.getpid()}.tmp"
        digest = hashlib.blake2b(png, digest_size=_DIGEST).digest()
        try:
            temporary.write_bytes(_MAGIC + digest + png)
            os.replace(temporary, self.folder / name)
            self._evict()
        except OSError as error:
            temporary.unlink(missing_ok=True)
            self._unusable(error)
        finally:
            self.release(name)

    def _evict(self) -> None:
        """Remove the oldest of the folder's pictures past the limit, and writes left by
        a process killed mid-write (only the folder's own files)."""
        kept: list[tuple[float, str]] = []
        left: list[str] = []
        now = time.time()
        with os.scandir(self.folder) as entries:
            for entry in entries:
                picture, writing = _PICTURE.fullmatch(entry.name), _WRITING.fullmatch(entry.name)
                if not picture and not writing:
                    continue
                try:
                    modified = entry.stat().st_mtime
                except FileNotFoundError:
                    continue  # another process removed it
                if picture:
                    kept.append((modified, entry.name))
                elif now - modified >= CLAIM_STALE:
                    left.append(entry.name)
        for name in left:
            (self.folder / name).unlink(missing_ok=True)
        if len(kept) <= self.limit:
            return
        kept.sort()
        for _, name in kept[: len(kept) - self.limit]:
            (self.folder / name).unlink(missing_ok=True)

    def _claim_path(self, name: str) -> Path:
        return self.folder / f"{name}.drawing"

    def _unusable(self, error: OSError) -> None:
        """Stop using the folder, saying so once: pictures stay in this process."""
        if self.usable:
            self.usable = False
            log.warning(
                "The picture folder %s cannot be used (%s): each process keeps its own"
                " /timeline pictures",
                self.folder,
                error.strerror or error,
            )
