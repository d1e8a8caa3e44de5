"""Optional compiled (mypyc) build of the extractor and the row preparation.

`python -m db.native build` compiles every db/ingest module (not __init__), db/text.py and
db/write/rows.py into build/native/, and writes build/native/DIGEST last: a
sha256 of those sources and the Python ABI. On `import db`, `db.ingest` and `db.write`,
activate_package() puts the compiled folders first on the package's __path__ only when
that DIGEST matches the sources on disk, so a stale build is never run: a missing, stale
or unreadable build, or ALMANAC_PURE=1, means the same modules run as pure Python.

This package is never compiled itself, and it must not import mypy or anything heavy:
it runs on every `import db`. The build and the `status` command live in __main__.py.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableSequence
from importlib.machinery import EXTENSION_SUFFIXES

PURE_ENV = "ALMANAC_PURE"
"""Set to anything but "" or "0" to ignore the compiled build."""

# <project root>/db/native/__init__.py -> <project root>
PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NATIVE_DIR = os.path.join(PROJECT_ROOT, "build", "native")
DIGEST_FILE = "DIGEST"

# The whole db/ingest folder is compiled, so a new ingest module is picked up by itself.
_COMPILED_FOLDER = ("db", "ingest")
# db/records.py stays pure: its frozen dataclasses, compiled, cannot be unpickled (mypyc
# restores fields through the frozen __setattr__), and they are shared with the bot.
_COMPILED_FILES = ("db/text.py", "db/write/rows.py")
# db/ingest/html.py imports trafilatura (lxml inside), which mypyc cannot usefully compile
# against, and its time goes to trafilatura anyway: it runs as pure Python.
_NEVER_COMPILED = frozenset({"__init__.py", "native.py", "html.py"})
# Bump when the build's options change in a way that needs a rebuild.
_FORMAT = b"almanac-native-1"

_fresh: bool | None = None  # the freshness of NATIVE_DIR, checked once per process


def native_modules(root: str = PROJECT_ROOT) -> list[str]:
    """The compiled sources, as sorted '/'-separated paths relative to `root`."""
    folder = os.path.join(root, *_COMPILED_FOLDER)
    prefix = "/".join(_COMPILED_FOLDER)
    names = [
        f"{prefix}/{name}"
        for name in os.listdir(folder)
        if name.endswith(".py") and name not in _NEVER_COMPILED
    ]
    return sorted([*names, *_COMPILED_FILES])


def abi_tag() -> str:
    """What a compiled module must match besides its sources: interpreter and ABI."""
    return f"{sys.implementation.cache_tag} {EXTENSION_SUFFIXES[0]}"


def source_digest(root: str = PROJECT_ROOT) -> str:
    """sha256 of the compiled sources (paths and bytes) and the ABI tag; OSError if unreadable."""
    import hashlib  # here: only needed when there is a build to check

    digest = hashlib.sha256(_FORMAT + b"\0" + abi_tag().encode() + b"\0")
    for relative in native_modules(root):
        with open(os.path.join(root, relative), "rb") as source:
            data = source.read()
        digest.update(b"%s\0%d\0" % (relative.encode(), len(data)))
        digest.update(data)
    return digest.hexdigest()


def recorded_digest(native_dir: str = NATIVE_DIR) -> str | None:
    """The digest a build recorded, or None when there is no readable build."""
    try:
        with open(os.path.join(native_dir, DIGEST_FILE), encoding="ascii") as file:
            return file.read().strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def is_fresh(native_dir: str = NATIVE_DIR, root: str = PROJECT_ROOT) -> bool:
    """Whether the build in `native_dir` was compiled from the sources now under `root`."""
    recorded = recorded_digest(native_dir)
    if recorded is None:
        return False
    try:
        current = source_digest(root)
    except OSError as error:
        _debug(f"native build ignored: cannot read the sources ({error})")
        return False
    if recorded != current:
        _debug("native build ignored: it is stale (the sources changed since it was built)")
        return False
    return True


def _debug(message: str) -> None:
    import logging  # here: `import db` should not pay for logging when nothing is said

    logging.getLogger(__name__).debug(message)


def pure_requested(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether ALMANAC_PURE asks for pure Python."""
    return environ.get(PURE_ENV, "") not in ("", "0")


def build_is_fresh() -> bool:
    """is_fresh() for this project's build, computed once per process."""
    global _fresh
    if _fresh is None:
        _fresh = is_fresh()
    return _fresh


def compiled_folder(package_name: str, native_dir: str = NATIVE_DIR) -> str:
    """Where the build keeps the compiled modules of a package ('db.ingest' -> .../db/ingest)."""
    return os.path.join(native_dir, *package_name.split("."))


def activate_package(path_list: MutableSequence[str], package_name: str) -> bool:
    """Put the compiled modules of `package_name` first on its __path__ if the build is fresh.

    Called by db/__init__.py, db/ingest/__init__.py and db/write/__init__.py before they
    import anything.
    Modules that are not compiled are still found in the source folder, which stays on
    the path. Returns whether the compiled folder is in use.
    """
    if pure_requested() or not build_is_fresh():
        return False
    folder = compiled_folder(package_name)
    if not os.path.isdir(folder):
        return False
    if folder not in path_list:
        path_list.insert(0, folder)
    # The per-module shims import the shared library mypyc puts at the top of the build.
    if NATIVE_DIR not in sys.path:
        sys.path.append(NATIVE_DIR)
    return True


def is_extension(module_file: str | None) -> bool:
    """Whether a module's __file__ is a compiled extension rather than Python source."""
    return module_file is not None and module_file.endswith(tuple(EXTENSION_SUFFIXES))


def native_active() -> bool:
    """Whether this process runs the compiled extractor (db.ingest.pipeline is an extension)."""
    import db.ingest.pipeline

    return is_extension(db.ingest.pipeline.__file__)


def mode() -> str:
    """'native' or 'pure', for reports and diagnostics."""
    return "native" if native_active() else "pure"
