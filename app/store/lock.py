"""One window per person: a lock file per profile, and a file that asks for the window.

The first Sereno to open a person's notes holds `locks/<id>.lock` (an advisory lock the
system drops when the process ends, even if it is killed). A second start finds it held,
leaves `locks/<id>.raise` and waits a moment: the first one sees that file, brings its
window to the front and removes it. No socket is ever opened; everything goes through the
data folder.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class ProfileLock:
    """The lock on one person's notes, held while their window is open."""

    def __init__(self, locks_dir: Path, profile_id: str):
        self.path = Path(locks_dir) / f"{profile_id}.lock"
        self.raise_path = Path(locks_dir) / f"{profile_id}.raise"
        self.fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock now if nobody holds it; False when another Sereno has it."""
        if self.fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        try:
            if os.name == "nt":  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self.fd = fd
        return True

    def release(self, remove: bool = False) -> None:
        """Let go of the lock; `remove` deletes its file too (when the person is erased)."""
        if self.fd is None:
            return
        if remove:
            self.path.unlink(missing_ok=True)
            self.raise_path.unlink(missing_ok=True)
        try:
            if os.name == "nt":  # pragma: no cover
                msvcrt.locking(self.fd, msvcrt.LK_UNLCK, 1)
            else:
                fcntl.flock(self.fd, fcntl.LOCK_UN)
        finally:
            os.close(self.fd)
            self.fd = None

    @property
    def held(self) -> bool:
        return self.fd is not None

    # The second start asks the first one for its window ----------------------------------
    def ask_for_window(self, wait: float = 3.0) -> bool:
        """Leave the request; True when the first Sereno answered within `wait` seconds."""
        self.raise_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.raise_path, os.O_WRONLY | os.O_CREAT | _NOFOLLOW, 0o600)
            os.close(fd)
        except OSError:
            return False
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not self.raise_path.exists():
                return True
            time.sleep(0.05)
        self.raise_path.unlink(missing_ok=True)
        return False

    def window_wanted(self) -> bool:
        """For the holder: did a second start ask for the window? (The request is taken.)"""
        if self.fd is None or not self.raise_path.exists():
            return False
        self.raise_path.unlink(missing_ok=True)
        return True


class StartLock:
    """Held while a start picks and opens a profile, so that two starts at once (a double
    double-click) never both make a new person; the second waits, then finds the first."""

    def __init__(self, locks_dir: Path):
        self.path = Path(locks_dir) / "start.lock"
        self.fd: int | None = None

    def __enter__(self) -> StartLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except OSError:
            return self  # a read-only folder: opening the profile will say so plainly
        try:
            if os.name == "nt":  # pragma: no cover
                msvcrt.locking(self.fd, msvcrt.LK_LOCK, 1)
            else:
                fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError:
            pass
        return self

    def __exit__(self, *_exc) -> None:
        if self.fd is None:
            return
        try:
            if os.name == "nt":  # pragma: no cover
                msvcrt.locking(self.fd, msvcrt.LK_UNLCK, 1)
            else:
                fcntl.flock(self.fd, fcntl.LOCK_UN)
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None
