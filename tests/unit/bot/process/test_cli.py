"""The command-line contract: ingest, export and ask, with bad input reported per file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.process.cli import main
from db import schema
from db.ingest.source import MAX_SOURCE_BYTES
from db.records import EventRecord, ParsedDocument, PartialDate, Span
from db.write.writer import _Parsed, write_batches
from tests.paths import PROJECT_SEEDS

SEEDS = PROJECT_SEEDS

GOOD = """March 3, 1999: Ada Novak and Ben Oduya meet in Lisbon
The two premiers met for the first time. "We will share the fisheries," Novak said.
"""


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 10, "binary"),
    ("latin1.txt", "Caf\u00e9 au lait, said Novak.".encode("latin-1"), "UTF-8"),
    # Named files get a folder's rules: no hidden files, no other types, no secrets.
    (".env", b"DISCORD_TOKEN=abc.def.ghi\n", "hidden file"),
    ("scores.csv", b"team,points\nHarbour,3\n", "not a text source"),
    ("settings.txt", b"DISCORD_TOKEN=abc.def.ghi\n", "holds a secret"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_bad_file_is_named_and_others_still_ingest(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    reason: str,
) -> None:
    """One clear line names the bad file and why; the good file is stored; exit is 1."""
    bad = write(tmp_path / name, data)
    good = write(tmp_path / "good.txt", GOOD)
    status = main(["ingest", str(bad), str(good)])
    err = capsys.readouterr().err
    assert status == 1
    [line] = [x for x in err.splitlines() if x.startswith("error:")]
    assert name in line
    assert reason in line
    assert count(db_path, "documents") == 1


def test_oversized_file_is_refused_without_reading_it(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 50 MB file is refused by size, with the limit in the message."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_SOURCE_BYTES
    status = main(["ingest", str(big), str(write(tmp_path / "good.txt", GOOD))])
    err = capsys.readouterr().err
    assert status == 1
    assert "huge.txt" in err
    assert "too large" in err
    assert count(db_path, "documents") == 1


@pytest.mark.parametrize(
    ("args", "reason"),
    [(["nowhere.txt"], "no such file"), (["emptydir"], "no text files")],
)
def test_missing_paths_are_reported(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    reason: str,
) -> None:
    """A missing path or a folder without texts is one error line and exit 1."""
    (tmp_path / "emptydir").mkdir()
    status = main(["ingest", *args])
    err = capsys.readouterr().err
    assert status == 1
    assert args[0] in err
    assert reason in err


@pytest.mark.parametrize(
    "text",
    [
        'March 3, 1999: A meeting\n"This quote never closes, Novak said.\n',
        "February 30, 2001: An impossible day\nNothing happened.\n",
    ],
)
def test_awkward_text_ingests_with_a_warning_at_most(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Unbalanced quotes and impossible dates do not fail the file."""
    status = main(["ingest", str(write(tmp_path / "odd.txt", text))])
    capsys.readouterr()
    assert status == 0
    assert count(db_path, "documents") == 1
    assert "--02-30" not in json.dumps(_export(capsys))
    assert "2001-02-30" not in json.dumps(_export(capsys))


def _export(capsys: pytest.CaptureFixture[str]) -> dict[str, list[dict[str, object]]]:
    assert main(["export"]) == 0
    data: dict[str, list[dict[str, object]]] = json.loads(capsys.readouterr().out)
    return data


def test_ingest_is_idempotent_and_edits_replace(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Re-ingesting changes nothing; an edited file replaces its old rows."""
    source = write(tmp_path / "chronicle.txt", GOOD)
    assert main(["ingest", str(source)]) == 0
    first = (count(db_path, "events"), count(db_path, "quotes"))
    assert main(["ingest", str(source)]) == 0
    assert "unchanged: chronicle.txt" in capsys.readouterr().out
    assert (count(db_path, "events"), count(db_path, "quotes")) == first
    write(source, GOOD.replace("Lisbon", "Porto"))
    assert main(["ingest", str(source)]) == 0
    assert "replaced: chronicle.txt" in capsys.readouterr().out
    titles = [e["title"] for e in _export(capsys)["events"]]
    assert any("Porto" in str(t) for t in titles)
    assert not any("Lisbon" in str(t) for t in titles)
    assert count(db_path, "documents") == 1


def test_an_edit_ingested_from_another_folder_replaces_the_document(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document is its file, not the working directory it was ingested from."""
    texts = tmp_path / "texts"
    texts.mkdir()
    source = write(texts / "chronicle.txt", GOOD)
    assert main(["ingest", "texts/chronicle.txt"]) == 0
    write(source, GOOD.replace("Lisbon", "Porto"))
    monkeypatch.chdir(texts)
    assert main(["ingest", "chronicle.txt"]) == 0
    assert count(db_path, "documents") == 1


def test_a_first_version_store_is_taken_over_not_duplicated(db_path: Path, tmp_path: Path) -> None:
    """A row keyed the old way (relative to the working directory) is renamed to the
    absolute key when its file is ingested again from there."""
    source = write(tmp_path / "chronicle.txt", GOOD)
    assert main(["ingest", str(source)]) == 0
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE documents SET path = 'chronicle.txt'")
    conn.commit()
    conn.close()
    write(source, GOOD.replace("Lisbon", "Porto"))
    assert main(["ingest", "chronicle.txt"]) == 0
    conn = sqlite3.connect(db_path)
    paths = [row[0] for row in conn.execute("SELECT path FROM documents")]
    conn.close()
    assert paths == [source.resolve().as_posix()]


def test_failed_write_leaves_the_store_unchanged(db_path: Path) -> None:
    """A document whose rows cannot be stored rolls back whole."""
    conn = schema.connect(db_path, schema.CONTENT_SCHEMA)
    broken = ParsedDocument(
        title="Broken",
        published=None,
        people=[],
        events=[
            EventRecord(PartialDate(2001, 1, 1, "day"), "fine", "fine", [], Span(0, 1)),
            EventRecord(PartialDate(2001, 1, 1, "era"), "bad", "bad", [], Span(0, 1)),  # type: ignore[arg-type]
        ],
        quotes=[],
    )
    [outcome] = write_batches(conn, [_Parsed("broken.txt", "f00", 3, broken, None)]).outcomes
    assert outcome.status == "failed"
    assert "could not be stored" in (outcome.reason or "")
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    conn.close()


def test_ask_json_on_the_seeds(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The store is built from seeds/ on first use and ask --json follows the contract."""
    assert main(["ingest", str(SEEDS)]) == 0
    capsys.readouterr()
    assert main(["ask", "/onthisday 06-16", "--json", "--today", "2026-06-16"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["command"] == "onthisday"
    assert answer["date"] == "06-16"
    assert any(e["date"] == "2001-06-16" for e in answer["events"])


def test_ask_with_a_bad_argument_explains(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed command gets an explanation with an example and exit 2."""
    assert main(["ingest", str(SEEDS)]) == 0
    capsys.readouterr()
    assert main(["ask", "/onthisday notaday"]) == 2
    err = capsys.readouterr().err
    assert "notaday" in err
    assert "Try:" in err


# -- almanac remove, and documents whose files are gone -----------------------------------


def _paths(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [str(row[0]) for row in conn.execute("SELECT path FROM documents ORDER BY path")]
    finally:
        conn.close()


def _two_documents(tmp_path: Path) -> tuple[Path, Path]:
    texts = tmp_path / "texts"
    texts.mkdir()
    first = write(texts / "first.txt", GOOD)
    second = write(texts / "second.txt", GOOD.replace("Lisbon", "Porto").replace("1999", "2003"))
    assert main(["ingest", "texts"]) == 0
    return first, second


def test_remove_takes_paths_as_given_or_as_stored(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A relative path and the absolute key both name their document; one summary line;
    its rows go with it and the other document keeps all of its own."""
    first, second = _two_documents(tmp_path)
    kept = count(db_path, "events") // 2
    capsys.readouterr()
    assert main(["remove", "texts/first.txt"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["removed 1 document (1 events, 1 quotes): texts/first.txt"]
    assert _paths(db_path) == [second.resolve().as_posix()]
    assert count(db_path, "events") == kept
    second.unlink()  # a document can be removed after its file is gone, by its stored key
    assert main(["remove", second.resolve().as_posix()]) == 0
    assert _paths(db_path) == []
    assert (count(db_path, "quotes"), count(db_path, "people"), count(db_path, "vocabulary")) == (
        0,
        0,
        0,
    )
    assert first.exists()  # the store forgets the text; the file is the user's


def test_remove_of_a_path_not_in_the_store_removes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped path is named in one line and no document is removed, not even the others."""
    _two_documents(tmp_path)
    before = _paths(db_path)
    capsys.readouterr()
    assert main(["remove", "texts/first.txt", "texts/frist.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "error: texts/frist.txt: not in the store; nothing was removed"
    ]
    assert captured.out == ""
    assert _paths(db_path) == before


def test_remove_needs_an_existing_store(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """remove never creates (or builds from the seeds) a store to remove from."""
    assert main(["remove", "a.txt"]) == 1
    assert "no content store there" in capsys.readouterr().err
    assert not db_path.exists()


def test_ingest_reports_documents_whose_files_are_gone(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ingesting a folder names its stored documents that are no longer on disk and
    keeps them: removing them is the user's call."""
    first, second = _two_documents(tmp_path)
    first.unlink()
    second.unlink()
    write(tmp_path / "texts" / "third.txt", GOOD.replace("Lisbon", "Riga"))
    capsys.readouterr()
    assert main(["ingest", "texts"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == (
        "2 documents no longer on disk: texts/first.txt, texts/second.txt; `almanac remove` them"
    )
    assert len(_paths(db_path)) == 3


def test_ask_that_meets_damage_after_the_check_moves_the_store_aside(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store damaged after its last check is not checked on open; the query that meets
    the damage has it checked, moved aside (kept byte for byte) and rebuilt."""
    assert main(["ingest", str(SEEDS)]) == 0
    assert main(["ask", "/sources"]) == 0  # the check after the ingest: sound
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'vocabulary'").fetchone()
    conn.close()
    with db_path.open("r+b") as handle:  # noise over the table the store loads on opening
        handle.seek((root[0] - 1) * page_size)
        handle.write(bytes(range(256)) * (page_size // 256))
    damaged = db_path.read_bytes()
    capsys.readouterr()
    assert main(["ask", "/sources"]) == 0
    assert "Putin" in capsys.readouterr().out
    [aside] = tmp_path.glob("almanac.sqlite3.damaged-*[0-9]")
    assert aside.read_bytes() == damaged


def test_help_lists_the_commands_people_type(capsys: pytest.CaptureFixture[str]) -> None:
    """`almanac --help` lists each public command once; make's helper and argparse's
    placeholder for a hidden one stay out of it."""
    with pytest.raises(SystemExit) as leaving:
        main(["--help"])
    assert leaving.value.code == 0
    shown = capsys.readouterr().out
    for command in ("ingest", "remove", "export", "ask", "console", "run", "sync"):
        assert f"\n    {command} " in shown
    assert "SUPPRESS" not in shown
    assert "run-or-console" not in shown


def test_ingest_counts_the_quotes_sources_serves(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A named quote, an unnamed one and a scare-quoted word: ingest reports the quotes
    /sources shows (the served one), and a text with nothing to serve is warned about."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "harbour.txt").write_text(
        "Harbour reopens\n\n"
        '"We rebuilt every pier by hand," Mayor Lena Ortiz said on Tuesday.\n\n'
        'A sign at the gate read "Welcome back, sailors, to the old town harbour."\n\n'
        'Fishermen called the new rules "absurd".\n',
        encoding="utf-8",
    )
    (texts / "notes.txt").write_text("Some thoughts on boats and the sea.\n", encoding="utf-8")
    assert main(["ingest", str(texts)]) == 0
    out, err = capsys.readouterr()
    assert "harbour.txt: 0 events, 1 quotes" in out
    assert "notes.txt: no dated event and no quote with a named speaker found" in err
    assert main(["ask", "/sources", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["documents"]
    assert {Path(d["path"]).name: d["quotes"] for d in listed} == {"harbour.txt": 1, "notes.txt": 0}


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--shard-count", "2", "--shards", "5"], "--shards: shard 5 does not exist"),
        (["--shards", "0-1"], "--shards: needs ALMANAC_SHARD_COUNT"),
        (["--shard-count", "many"], "--shard-count: expected"),
    ],
)
def test_run_with_bad_shard_options_is_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], hint: str
) -> None:
    """Bad shard options stop `almanac run` with one line, before any store is opened."""
    assert main(["run", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"almanac: {hint}")
    assert err.count("\n") == 1
    assert not db_path.exists()
