"""The benchmark's corpus generator: deterministic, and its texts parse into events and quotes."""

from __future__ import annotations

from pathlib import Path

from db.ingest import parse_document
from tests.bench.corpus import document_text, write_corpus
from tests.bench.records import generated_document
from tests.bench.world import make_world

SEED = 7


def test_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    """Two corpora of one seed are byte-identical; the smaller is a prefix of the larger."""
    first = write_corpus(tmp_path / "a", 40_000, SEED)
    second = write_corpus(tmp_path / "b", 40_000, SEED)
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))
    smaller = write_corpus(tmp_path / "c", 10_000, SEED)
    assert [p.read_bytes() for p in smaller] == [p.read_bytes() for p in first[: len(smaller)]]


def test_another_seed_writes_other_texts() -> None:
    assert document_text(SEED, 0) != document_text(SEED + 1, 0)


def test_corpus_has_both_shapes_and_enough_bytes(tmp_path: Path) -> None:
    files = write_corpus(tmp_path, 30_000, SEED)
    assert sum(p.stat().st_size for p in files) >= 30_000
    kinds = {p.stem.split("_")[1] for p in files}
    assert kinds == {"news", "timeline"}


def test_texts_parse_into_events_and_attributed_quotes() -> None:
    """Both shapes go through the real extractor and yield dated events and quotes."""
    world = make_world(SEED)
    invented = {p.name for p in world.people}
    for index in range(8):
        name, text = document_text(SEED, index)
        parsed = parse_document(text, name)
        assert parsed.quotes, name
        assert any(q.speaker in invented for q in parsed.quotes), name
        if "timeline" in name:
            assert len(parsed.events) >= 3, name
            assert all(e.date.year is not None for e in parsed.events[:3]), name


def test_no_names_from_the_seed_texts() -> None:
    """The generator invents its world; nothing is copied from seeds/."""
    text = " ".join(document_text(SEED, i)[1] for i in range(6))
    for copied in ("Putin", "Bush", "Russia", "NATO", "Trenin"):
        assert copied not in text


def test_generated_records_are_deterministic() -> None:
    """Records for the big stores: same seed, same documents, exact counts."""
    one = generated_document(SEED, 3, 20, 30, 400)
    two = generated_document(SEED, 3, 20, 30, 400)
    assert one == two
    assert len(one.document.events) == 20
    assert len(one.document.quotes) == 30
