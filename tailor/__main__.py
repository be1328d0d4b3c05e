"""`python -m tailor` runs the command-line interface."""

from tailor.cli import main

main()
