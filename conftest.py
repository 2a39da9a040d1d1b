"""Every test and doctest reads the package's rounds data, never a user data folder that ``crsrules data update`` wrote.

``CRSRULES_DATA_DIR`` names an empty folder for the whole run (tests that need a folder set their own), so that a
developer's own updates do not change what the tests and the doctests see.
"""

import atexit
import os
import shutil
import tempfile

_EMPTY = tempfile.mkdtemp(prefix="crsrules-test-data-")
os.environ["CRSRULES_DATA_DIR"] = _EMPTY
atexit.register(shutil.rmtree, _EMPTY, ignore_errors=True)
