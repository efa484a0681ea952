"""``python -m rillet ...``: the same as the ``rillet`` command."""

import sys

from rillet.cli import main

sys.exit(main())
