"""Private files: on POSIX the data folder is 0700 and what PropDesk writes is 0600.

The database, its backups, the settings, the logs and the exports hold residents' names,
phones and ID numbers; nobody else on the computer may read them. On Windows the user's
profile folder already keeps them private and these functions change nothing.

- :func:`restrict_umask` at program start (``ui.cli.main``): every file the process creates
  afterwards (SQLite's ``-wal``, a rotated log) is private;
- :func:`private_dir` / :func:`private_file` / :func:`write_private` where the code itself
  makes a folder or a file (also when the umask was not set, e.g. in tests).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

POSIX = os.name == "posix"
DIR_MODE = stat.S_IRWXU  # 0700
FILE_MODE = stat.S_IRUSR | stat.S_IWUSR  # 0600


def restrict_umask() -> None:
    """New files 0600 and folders 0700 for the rest of the process (POSIX)."""
    if POSIX:
        os.umask(0o077)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700 (POSIX)."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if POSIX:
        # a folder the user does not own (e.g. a shared export target): leave it
        with contextlib.suppress(OSError):
            os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make an existing file 0600 (POSIX); a missing file is ignored."""
    if POSIX:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, FILE_MODE)
    return path


def write_private(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path``, readable and writable by the user only (POSIX)."""
    target = Path(path)
    fd = os.open(
        target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), FILE_MODE
    )
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return private_file(target)
