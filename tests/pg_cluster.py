"""A throwaway PostgreSQL cluster of the tests' own, on another port, that a test may stop and
start (a lost server) without touching the suite's server.

It needs the PostgreSQL server binaries and root (CI and the developer machines run as root;
``initdb`` itself runs as the ``postgres`` user). Elsewhere the tests that use it skip.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    root = Path("/usr/lib/postgresql")
    if not root.is_dir():
        return None
    versions = sorted(
        (p for p in root.iterdir() if (p / "bin" / "initdb").exists()), key=lambda p: p.name
    )
    return versions[-1] / "bin" if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThrowawayCluster:
    """``start()``/``stop()`` a private server; ``url`` connects as its superuser ``postgres``."""

    def __init__(self) -> None:
        bin_dir = _bin_dir()
        if bin_dir is None or shutil.which("su") is None or os.geteuid() != 0:
            pytest.skip("needs the PostgreSQL server binaries and root (as in CI)")
        self._bin = bin_dir
        # Under /tmp itself: the postgres user cannot enter pytest's root-only tmp folders.
        folder = Path(tempfile.mkdtemp(prefix="propdesk-pg-"))
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        shutil.chown(folder, "postgres")
        folder.chmod(0o700)
        self._as_postgres(
            f"{bin_dir}/initdb -D {self.data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8"
        )
        self.start()
        self._as_postgres(
            f"{bin_dir}/psql -h {folder} -p {self.port} -U postgres -qc 'CREATE DATABASE propdesk'"
        )

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/propdesk"

    def _as_postgres(self, command: str) -> None:
        subprocess.run(
            ["su", "postgres", "-s", "/bin/sh", "-c", command],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres(
            f"{self._bin}/pg_ctl -D {self.data} -l {self.folder}/log -w -t 60 -o '{options}' start"
        )

    def stop(self) -> None:
        self._as_postgres(f"{self._bin}/pg_ctl -D {self.data} -m fast -w -t 60 stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
