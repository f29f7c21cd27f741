"""python -m handbook.book"""

import sys

from handbook.book.cli import main

sys.exit(main(sys.argv[1:]))
