import sys

from eventmap.cli import main

sys.exit(main())
