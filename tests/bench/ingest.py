"""Ingest throughput through the real path: read, parse (worker processes), write.

The corpus is generated once at the largest size; each smaller size is its first
files, ingested into a fresh store, so time per MB can be compared across sizes.
The writer alone is timed too: the corpus is parsed once and the parsed files
are written into a fresh store (write_run), so its cost is not hidden behind
the workers' parsing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

from db import schema
from db.ingest import parse_document
from db.write.writer import IngestReport, _Parsed, ingest_paths, iter_parsed, write_batches
from tests.bench.corpus import document_text

MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Corpus:
    """Files written for the ingest runs, in order, with their sizes."""

    files: list[Path]
    sizes: list[int]
    seconds: float

    def first(self, size: int) -> list[Path]:
        """The shortest prefix of files holding at least size bytes."""
        total = 0
        for count, n in enumerate(self.sizes, start=1):
            total += n
            if total >= size:
                return self.files[:count]
        return list(self.files)


@dataclass(frozen=True, slots=True)
class IngestRun:
    """One ingest of a corpus prefix into a fresh store."""

    megabytes: float
    files: int
    seconds: float
    events: int
    quotes: int
    failed: int
    cpu_seconds: float = 0.0  # of this process: the writer (and, end to end, unpickling)
    worker_cpu_seconds: float = 0.0  # of the parse workers, end to end only

    def _per_mb(self, value: float) -> float:
        return round(value / self.megabytes, 3) if self.megabytes else 0.0

    @property
    def cpu_budget_per_mb(self) -> float:
        """CPU of every process per MB: ingest is CPU-bound, so with n cores the
        throughput can be at most n divided by this."""
        return self._per_mb(self.cpu_seconds + self.worker_cpu_seconds)

    @property
    def mb_per_second(self) -> float:
        """Throughput in MB (10^6 bytes) of text per second."""
        return round(self.megabytes / self.seconds, 2) if self.seconds else 0.0

    @property
    def seconds_per_mb(self) -> float:
        """Time per MB; flat across sizes means ingest scales linearly."""
        return self._per_mb(self.seconds)

    @property
    def cpu_seconds_per_mb(self) -> float:
        """CPU time of this process per MB: unlike wall time, others' load leaves it alone."""
        return self._per_mb(self.cpu_seconds)

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            **asdict(self),
            "mb_per_s": self.mb_per_second,
            "s_per_mb": self.seconds_per_mb,
            "cpu_s_per_mb": self.cpu_seconds_per_mb,
            "worker_cpu_s_per_mb": self._per_mb(self.worker_cpu_seconds),
            "total_cpu_s_per_mb": self.cpu_budget_per_mb,
        }


def _write_one(folder: Path, seed: int, index: int) -> tuple[str, int]:
    name, text = document_text(seed, index)
    data = text.encode("utf-8")
    (folder / name).write_bytes(data)
    return name, len(data)


def write_corpus(folder: Path, size: int, seed: int, workers: int = 2) -> Corpus:
    """Generate documents (in worker processes) until they hold at least size bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    names: list[str] = []
    sizes: list[int] = []
    batch = 256
    index = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        while sum(sizes) < size:
            work = partial(_write_one, folder, seed)
            for name, n in pool.map(work, range(index, index + batch), chunksize=16):
                if sum(sizes) >= size:
                    (folder / name).unlink()
                    continue
                names.append(name)
                sizes.append(n)
            index += batch
    return Corpus([folder / n for n in names], sizes, time.perf_counter() - started)


def ingest_run(files: Sequence[Path], db_path: Path, workers: int) -> IngestRun:
    """Ingest files into a fresh store at db_path with ingest_paths(workers=...)."""
    size = sum(f.stat().st_size for f in files)
    return _timed(
        db_path, size, len(files), lambda conn: ingest_paths(conn, files, workers=workers)
    )


def parse_corpus(files: Sequence[Path], workers: int = 2) -> list[_Parsed]:
    """Every file read and parsed (as ingest's workers do), kept for write_run."""
    return list(iter_parsed(files, workers))


def write_run(parsed: Sequence[_Parsed], db_path: Path) -> IngestRun:
    """The writer alone: already parsed files written into a fresh store at db_path."""
    size = sum(p.size for p in parsed)
    return _timed(db_path, size, len(parsed), lambda conn: write_batches(conn, parsed))


def _timed(
    db_path: Path, size: int, files: int, write: Callable[[sqlite3.Connection], IngestReport]
) -> IngestRun:
    """Run write on a fresh store at db_path; its wall and CPU time and what it stored."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    conn = schema.connect(db_path, schema.CONTENT_SCHEMA)
    try:
        started, cpu, workers = time.perf_counter(), time.process_time(), _children_cpu()
        report = write(conn)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        workers = _children_cpu() - workers  # the pool's workers have ended by now
        events = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
        quotes = int(conn.execute("SELECT count(*) FROM quotes").fetchone()[0])
    finally:
        conn.close()
    megabytes = round(size / MB, 3)
    failed = len(report.failed)
    cpu, workers = round(cpu, 3), round(workers, 3)
    return IngestRun(megabytes, files, round(seconds, 3), events, quotes, failed, cpu, workers)


def _children_cpu() -> float:
    """User + system CPU of this process's ended children (0 where unknown)."""
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def parse_only(files: Sequence[Path]) -> float:
    """MB/s of the extractor alone in this process (no workers, no writes)."""
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    size = sum(len(t.encode("utf-8")) for _, t in texts)
    started = time.perf_counter()
    for name, text in texts:
        parse_document(text, name)
    return round(size / MB / (time.perf_counter() - started), 2)
