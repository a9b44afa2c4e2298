"""``python -m matching.engine``: see cli.py."""

from matching.engine.cli import main

raise SystemExit(main())
