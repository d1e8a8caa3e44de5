"""The compiled (mypyc) build: used only when fresh, never when ALMANAC_PURE, same output.

The freshness tests work on a temporary copy of the db package with a stand-in "compiled"
folder (plain .py modules carrying a marker), so they need no C compiler. The tests of the
real build skip when build/native is missing or stale, unless ALMANAC_EXPECT_NATIVE is set
(as `make test` does), where they fail instead: CI cannot lose the compiled path quietly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import db.native as native
from tests.paths import PROJECT_ROOT

ROOT = PROJECT_ROOT
MARK = "\nCOMPILED_STAND_IN = True\n"


def run_python(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter of this venv, without ALMANAC_PURE unless given."""
    environ = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    environ.update(PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0", **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def output_of(code: str, cwd: Path = ROOT, **env: str) -> str:
    result = run_python(code, cwd, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout


# --- freshness, on a copy of the package -------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the db package with a fresh stand-in build of ingest/people and text."""
    shutil.copytree(ROOT / "db", tmp_path / "db", ignore=shutil.ignore_patterns("__pycache__"))
    build = tmp_path / "build" / "native"
    for module in ("db/ingest/people.py", "db/text.py"):
        stand_in = build / module
        stand_in.parent.mkdir(parents=True, exist_ok=True)
        stand_in.write_text((tmp_path / module).read_text(encoding="utf-8") + MARK)
    (build / native.DIGEST_FILE).write_text(native.source_digest(str(tmp_path)) + "\n")
    return tmp_path


PROBE = """
import db, db.ingest.people as people, db.text as text
print(db.__file__)
print(people.__file__, hasattr(people, "COMPILED_STAND_IN"))
print(text.__file__, hasattr(text, "COMPILED_STAND_IN"))
"""


def probe(tree: Path, **env: str) -> tuple[bool, bool]:
    """Import the copy in a subprocess: is each stand-in in use?"""
    package, people, text = output_of(PROBE, cwd=tree, **env).splitlines()
    assert package == str(tree / "db" / "__init__.py")  # the copy, not the project
    return people.endswith("True"), text.endswith("True")


def test_fresh_build_is_used(tree: Path) -> None:
    assert native.is_fresh(str(tree / "build" / "native"), str(tree))
    assert probe(tree) == (True, True)


def test_one_changed_byte_means_pure_python(tree: Path) -> None:
    clean = tree / "db" / "ingest" / "clean.py"
    data = bytearray(clean.read_bytes())
    data[-1:] = b" " if data[-1:] != b" " else b"\n"
    clean.write_bytes(bytes(data))
    assert not native.is_fresh(str(tree / "build" / "native"), str(tree))
    assert probe(tree) == (False, False)


def test_a_new_ingest_module_makes_the_build_stale(tree: Path) -> None:
    (tree / "db" / "ingest" / "later.py").write_text('"""A stage added after the build."""\n')
    assert "db/ingest/later.py" in native.native_modules(str(tree))
    assert probe(tree) == (False, False)


def test_missing_or_unreadable_digest_means_pure_python(tree: Path) -> None:
    digest = tree / "build" / "native" / native.DIGEST_FILE
    digest.write_bytes(b"\xff\xfe not a digest")
    assert probe(tree) == (False, False)
    digest.unlink()
    assert probe(tree) == (False, False)


def test_almanac_pure_ignores_a_fresh_build(tree: Path) -> None:
    assert probe(tree, ALMANAC_PURE="1") == (False, False)
    assert probe(tree, ALMANAC_PURE="0") == (True, True)


def test_what_is_compiled() -> None:
    modules = native.native_modules()
    assert {"db/text.py", "db/write/rows.py", "db/ingest/pipeline.py"} <= set(modules)
    assert "db/records.py" not in modules  # shared with the bot, and pickled: see below
    assert not any(m.endswith(("__init__.py", "native.py")) for m in modules)
    assert all(m.startswith(("db/ingest/", "db/write/")) for m in modules if m.count("/") > 1)


@pytest.mark.parametrize(("value", "pure"), [("", False), ("0", False), ("1", True), ("yes", True)])
def test_almanac_pure_values(value: str, pure: bool) -> None:
    assert native.pure_requested({native.PURE_ENV: value}) is pure


def test_almanac_pure_in_the_project() -> None:
    code = "import db.ingest.pipeline as p, db.native as n; print(p.__file__, n.mode())"
    path, mode = output_of(code, ALMANAC_PURE="1").split()
    assert path.endswith(".py")
    assert mode == "pure"


# --- the build command's fallbacks, on a copy ----------------------------------------------


def build_in(tree: Path, code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m db.native build` in the copy (prefixed by `code`): it exits 0, one line."""
    run = f"{code}\nimport runpy, sys\nsys.argv = ['db.native', 'build']\n"
    run += "runpy.run_module('db.native', run_name='__main__', alter_sys=True)"
    result = run_python(run, tree, **env)
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "ingest runs as pure Python" in result.stderr
    assert not (tree / "build" / "native").exists()  # the stale stand-in is gone
    assert not list((tree / "build").glob("native.*"))  # and nothing half built is left
    assert not list((tree / "db").rglob("*.so"))
    return result


def test_build_without_a_compiler_says_so_and_exits_0(tree: Path) -> None:
    (tree / "db" / "text.py").write_bytes((tree / "db" / "text.py").read_bytes() + b"\n")
    result = build_in(tree, "", CC=str(tree / "no-such-cc"))
    assert "no C compiler" in result.stderr


def test_build_without_mypyc_says_so_and_exits_0(tree: Path) -> None:
    (tree / "db" / "text.py").write_bytes((tree / "db" / "text.py").read_bytes() + b"\n")
    result = build_in(tree, "import sys\nsys.modules['mypyc'] = None")
    assert "mypyc is not available" in result.stderr


# --- the real build ------------------------------------------------------------------------


@pytest.fixture
def fresh_build() -> None:
    """Skip without a fresh build in build/native, or fail if ALMANAC_EXPECT_NATIVE is set."""
    if native.is_fresh():
        return
    state = "missing" if native.recorded_digest() is None else "stale"
    reason = (
        f"the native build in {native.NATIVE_DIR} is {state}: `make` builds it, and "
        "`python -m db.native build` says why it cannot (no C compiler?)"
    )
    if os.environ.get("ALMANAC_EXPECT_NATIVE", "") not in ("", "0"):
        pytest.fail(f"ALMANAC_EXPECT_NATIVE is set but {reason}")
    pytest.skip(reason)


@pytest.mark.usefixtures("fresh_build")
def test_compiled_modules_are_loaded() -> None:
    code = """
import db.ingest.people, db.ingest.pipeline, db.records, db.write.rows, db.text
import db.read.store, db.ingest
for module in (db.ingest.people, db.ingest.pipeline, db.write.rows, db.text):
    print(module.__file__)
print(db.records.__file__)
print(db.read.store.__file__)
print(db.ingest.__file__)
"""
    *compiled, records, store, package = output_of(code).splitlines()
    assert all(native.is_extension(path) for path in compiled), compiled
    assert all(path.startswith(native.NATIVE_DIR) for path in compiled), compiled
    assert records.endswith("records.py")
    assert store.endswith("store.py")
    assert package.endswith("__init__.py")
    assert "active: native" in output_of("from db.native.__main__ import status; status()")


@pytest.mark.usefixtures("fresh_build")
def test_this_test_run_uses_the_compiled_extractor() -> None:
    if native.pure_requested():
        pytest.skip("ALMANAC_PURE is set for this test run")
    assert native.native_active()


EXTRACT = """
import dataclasses, json, pathlib
import db.native
from db.ingest import parse_document, read_source
from db.write.rows import document_rows
from tests.bench.corpus import document_text

def plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return [type(value).__name__, fields]
    if isinstance(value, (set, frozenset)):
        return ["set", sorted(plain(v) for v in value)]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return [[plain(k), plain(v)] for k, v in value.items()]
    assert value is None or isinstance(value, (str, int, float)), repr(value)
    return value

texts = [(p.name, read_source(p)) for p in sorted(pathlib.Path("seeds").iterdir())]
texts += [document_text(seed, index) for seed in (1, 2) for index in range(100)]
documents = []
for name, text in texts:
    parsed = parse_document(text, name)
    documents.append([name, plain(parsed), plain(document_rows(parsed))])
print(json.dumps({"native": db.native.native_active(), "documents": documents}))
"""


@pytest.mark.usefixtures("fresh_build")
def test_compiled_extractor_gives_the_same_output_as_pure_python() -> None:
    compiled = json.loads(output_of(EXTRACT))
    pure = json.loads(output_of(EXTRACT, ALMANAC_PURE="1"))
    assert compiled["native"] is True
    assert pure["native"] is False
    assert len(pure["documents"]) == len(os.listdir(ROOT / "seeds")) + 200
    assert sum(len(doc[1][1]["events"]) + len(doc[1][1]["quotes"]) for doc in pure["documents"])
    for mine, theirs in zip(compiled["documents"], pure["documents"], strict=True):
        assert mine == theirs, mine[0]


GREEK = """
import json
import db.native
from db.ingest import parse_document
from db.write.rows import document_rows
from db.text import name_key, topic_words, words

text = (
    "ΑΘΗΝΑΣ\\n\\nOn 3 March 2004 ΟΔΥΣΣΕΑΣ Παπαδόπουλος met Nikos Kazantzakis in ΑΘΗΝΑΣ. "
    '"ΠΡΟΧΩΡΑΜΕ ΜΑΖΙ ΣΤΟ ΤΕΛΟΣ," said ΟΔΥΣΣΕΑΣ Παπαδόπουλος.\\n'
)
rows = document_rows(parse_document(text, "greek.txt"))
print(json.dumps({
    "native": db.native.native_active(),
    "words": words(text),
    "name_key": name_key("ΟΔΥΣΣΕΑΣ Παπαδόπουλος"),
    "topic_words": sorted(topic_words(text)),
    "rows": [rows.names, rows.aliases, rows.quote_search, rows.event_search, rows.vocabulary],
}))
"""


@pytest.mark.usefixtures("fresh_build")
def test_compiled_code_keeps_the_greek_final_sigma() -> None:
    """mypyc's str.lower() on Python < 3.13 lowers a final Σ to σ where Python gives ς."""
    compiled = json.loads(output_of(GREEK))
    pure = json.loads(output_of(GREEK, ALMANAC_PURE="1"))
    assert (compiled.pop("native"), pure.pop("native")) == (True, False)
    assert "οδυσσεας" in pure["words"]  # the case this test is about
    assert compiled == pure


PICKLED = """
import pickle
import db.native
from db.ingest import parse_document
from tests.bench.records import generated_document

text = "June 16, 2001: Putin met Bush in Slovenia.\\n\\n\u201cWe agree,\u201d Putin said.\\n"
for value in (parse_document(text, "a.txt"), generated_document(1729, 0, 5, 5, 400)):
    assert pickle.loads(pickle.dumps(value)) == value
print(db.native.native_active())
"""


@pytest.mark.usefixtures("fresh_build")
def test_records_survive_pickling_in_the_compiled_build() -> None:
    """Parsed documents cross process boundaries (the benchmark's store builder pickles
    them): compiled frozen dataclasses could not be unpickled, so records stay pure."""
    assert output_of(PICKLED).strip() == "True"
