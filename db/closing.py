"""`async with` for the stores: one definition instead of a copy in each."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class AsyncClosing:
    """Gives `async with` to anything with an async close()."""

    async def close(self) -> None:
        """Release what the object holds."""
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
