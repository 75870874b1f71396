"""``python -m hoering`` runs the CLI."""

from .cli import main

main()
