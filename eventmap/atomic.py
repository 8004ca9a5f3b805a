"""Write files so that a reader never sees half of one: write a temp file beside it, then rename.

A crash, an interruption or a full disk mid-write leaves the old file (if any) untouched and no temp
file behind. Errors name what the user can act on: the directory that cannot be written into (not
the temp file's made-up name), or the existing file that is read-only - which is never replaced, so
that a file someone protected is not lost to a run that happened to choose the same name.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_replaceable(path: str | os.PathLike) -> None:
    """PermissionError when ``path`` exists and is read-only (no write permission bit at all, or none
    for this user): renaming over it would succeed in a writable directory, and silently undo the
    protection."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(p, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only and was left as it is; make it writable "
                                            "or choose another output", str(p))


def temp_beside(path: Path, suffix: str = ".tmp") -> tuple[int, str]:
    """A new temp file in ``path``'s directory (made when missing), readable like any file the user
    writes (mkstemp makes 0600); an OSError names that directory, not the temp file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=suffix, dir=path.parent)
        os.chmod(tmp, 0o666 & ~_umask())
        return fd, tmp
    except OSError as e:
        where = path.parent if e.filename is None or Path(e.filename).name.startswith("." + path.name) \
            else Path(e.filename)
        raise type(e)(e.errno, f"cannot write into this directory ({e.strerror})", str(where)) from None


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temp file in the same directory and a rename."""
    path = Path(path)
    check_replaceable(path)
    fd, tmp = temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError) and e.filename in (None, tmp):   # a full disk: name the file meant
            raise type(e)(e.errno, f"could not be written ({e.strerror}); nothing was changed", str(path)) from None
        raise
    return path


def write_text_atomic(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` (encoded first, so an unencodable character fails before anything is written)."""
    return write_bytes_atomic(path, text.encode(encoding))
