"""The one exception type the command line turns into a one-line message and exit code 2."""


class InputError(Exception):
    """Bad input from the user: a missing or unreadable file, an unknown language, a bad date."""
