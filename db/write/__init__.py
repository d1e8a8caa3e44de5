"""The content store's write side: documents in, rows out, and a usable store at start."""

# Before any submodule is imported: use the compiled (mypyc) rows module when
# build/native holds a build of exactly these sources (see db/native).
from db.native import activate_package

activate_package(__path__, __name__)
