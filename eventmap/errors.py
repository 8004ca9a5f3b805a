"""The two exception types the command line turns into one line on stderr (never a traceback).

InputError    the user's input is wrong (a missing or unreadable file, an unknown language, a bad
              date, a malformed corpus line): exit code 2, and the message says what to do.
MachineError  the machine failed, not the input (a browser that will not start, a cache that cannot
              be written): exit code 1.
"""


class InputError(Exception):
    """Bad input from the user: a missing or unreadable file, an unknown language, a bad date."""


class MachineError(Exception):
    """The machine failed while the input was fine: a browser that does not start, a broken install."""


def shown(value, limit: int = 60) -> str:
    """``repr(value)``, shortened with an ellipsis: a message stays one readable line whatever was given."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 2] + "…" + text[-1]
