"""The command line's subcommands, one module each (registered in eventmap/cli.py's COMMANDS)."""
