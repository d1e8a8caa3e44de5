"""The almanac's data: ingest (text -> records), write and read (the content store), state."""

# Before any submodule is imported: use the compiled (mypyc) records/text/rows modules
# when build/native holds a build of exactly these sources (see db/native).
from db.native import activate_package

activate_package(__path__, __name__)
