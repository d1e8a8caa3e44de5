"""`python -m db.native build|status`: compile the native build, or say what is in use.

build compiles db.native.native_modules() with mypyc into build/native.tmp-<pid>/ (the
generated C and the object files stay in there too, never next to the sources), writes
DIGEST last, then swaps the result in as build/native/. Whatever goes wrong (no mypy, no
C compiler, a mypyc error, sources edited during the build), it says so on one line of
stderr, leaves no build behind and exits 0: ingest then simply runs as pure Python.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import shutil
import sys
import sysconfig
import time
from collections.abc import Iterator, Sequence
from typing import Any

import db.native as native

BUILD_INFO = "BUILD_INFO.json"
LOG = os.path.join(native.PROJECT_ROOT, "build", "native-build.log")  # kept for a failed build


class BuildError(Exception):
    """Why there is no native build; the message is the reason shown to the user."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.native", description=__doc__)
    parser.add_argument("command", choices=["build", "status"])
    parser.add_argument("--force", action="store_true", help="build even if up to date")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(force=args.force)
    return status()


def build(*, force: bool = False) -> int:
    """Compile into NATIVE_DIR, or explain on stderr why ingest stays pure Python; returns 0."""
    if not force and native.is_fresh():
        # Sources touched but not changed (or only db/ingest/__init__.py): just tell make.
        os.utime(os.path.join(native.NATIVE_DIR, native.DIGEST_FILE))
        print(f"db.native: {native.NATIVE_DIR} is up to date")
        return 0
    started = time.monotonic()
    root = native.PROJECT_ROOT
    work = os.path.join(root, "build", f"native.tmp-{os.getpid()}")
    try:
        info = _compile(root, work)
        info["seconds"] = round(time.monotonic() - started, 1)
        _install(os.path.join(work, "out"), info)
    except BuildError as error:
        shutil.rmtree(native.NATIVE_DIR, ignore_errors=True)  # stale: would be ignored anyway
        print(f"db.native: no native build, ingest runs as pure Python: {error}", file=sys.stderr)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds, count = info["seconds"], info["modules"]
    print(f"db.native: compiled {count} modules into {native.NATIVE_DIR} in {seconds} s")
    return 0


def _compile(root: str, work: str) -> dict[str, Any]:
    """Compile the native modules into work/out; returns what to record in BUILD_INFO."""
    try:
        # setuptools first: it provides the distutils that mypyc drives on Python 3.11.
        import setuptools
        from mypy.version import __version__ as mypy_version
        from mypyc.build import mypycify
    except ImportError as error:
        raise BuildError(f"mypyc is not available ({error}); install the dev extra") from None
    _check_compiler()

    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    out = os.path.join(work, "out")
    digest = native.source_digest(root)
    modules = native.native_modules(root)
    previous = os.getcwd()
    os.chdir(root)  # mypyc names modules from paths relative to here, and reads [tool.mypy]
    try:
        with _output_to(LOG):
            extensions = mypycify(modules, opt_level="3", target_dir=os.path.join(work, "c"))
            distribution = setuptools.Distribution(
                {
                    "name": "almanac-native",
                    "ext_modules": extensions,
                    "script_args": [
                        "build_ext",
                        "--build-lib",
                        out,
                        "--build-temp",
                        os.path.join(work, "obj"),
                    ],
                }
            )
            distribution.parse_command_line()
            distribution.run_commands()
    except (Exception, SystemExit) as error:  # mypyc reports its errors with sys.exit()
        raise BuildError(_reason(error, _read(LOG))) from None
    finally:
        os.chdir(previous)
    if native.source_digest(root) != digest:
        raise BuildError("the sources changed during the build; run it again")
    return {
        "digest": digest,
        "modules": len(modules),
        "mypy": mypy_version,
        "python": sys.version.split()[0],
        "abi": native.abi_tag(),
        "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


@contextlib.contextmanager
def _output_to(path: str) -> Iterator[None]:
    """Send this process's stdout and stderr, the compiler's included, to a file."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    try:
        with open(path, "wb") as log:
            os.dup2(log.fileno(), 1)
            os.dup2(log.fileno(), 2)
            try:
                yield
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:
        return ""


def _check_compiler() -> None:
    """Fail fast, before mypyc's analysis, when the C compiler Python was built with is missing."""
    # distutils compiles with $CC when it is set, else with the compiler Python was built with.
    command = shlex.split(os.environ.get("CC") or str(sysconfig.get_config_var("CC") or "cc"))
    if not command or shutil.which(command[0]) is None:
        name = command[0] if command else "cc"
        raise BuildError(f"no C compiler ({name!r} not found)")


def _reason(error: BaseException, log: str) -> str:
    """One line saying why compilation failed."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()]
    detail = str(error).strip() or (errors or lines or [type(error).__name__])[-1]
    if isinstance(error, SystemExit) and errors:
        detail = errors[0]
    return f"compilation failed ({detail[:300]}; full output in {LOG})"


def _install(out: str, info: dict[str, Any]) -> None:
    """Write BUILD_INFO and DIGEST (last) into `out`, then make it NATIVE_DIR."""
    if not os.path.isdir(os.path.join(out, "db")):
        raise BuildError("compilation produced no modules")
    with open(os.path.join(out, BUILD_INFO), "w", encoding="utf-8") as file:
        json.dump(info, file, indent=2, sort_keys=True)
        file.write("\n")
    with open(os.path.join(out, native.DIGEST_FILE), "w", encoding="ascii") as file:
        file.write(info["digest"] + "\n")
    old = f"{native.NATIVE_DIR}.old-{os.getpid()}"
    if os.path.exists(native.NATIVE_DIR):
        os.replace(native.NATIVE_DIR, old)
    os.replace(out, native.NATIVE_DIR)
    shutil.rmtree(old, ignore_errors=True)


def status() -> int:
    """Print whether the build is present, fresh and in use by this process."""
    recorded = native.recorded_digest()
    fresh = native.is_fresh()
    pure = native.pure_requested()
    print(f"build:  {native.NATIVE_DIR} ({'present' if recorded else 'absent'})")
    if recorded:
        print(f"fresh:  {'yes' if fresh else 'no, the sources changed: run make or build'}")
        with contextlib.suppress(OSError, ValueError):
            with open(os.path.join(native.NATIVE_DIR, BUILD_INFO), encoding="utf-8") as file:
                info = json.load(file)
            built, mypy, seconds = info.get("built"), info.get("mypy"), info.get("seconds")
            print(f"built:  {built} by mypy {mypy} in {seconds} s")
    if pure:
        print(f"{native.PURE_ENV}: set, the build is ignored")
    print(f"active: {native.mode()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
