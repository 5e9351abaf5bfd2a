"""The recovery folder: unsaved runs kept when GateLab is ended from outside, offered next time.

Each window writes its own file, "unsaved-<start time>-<pid>.gatelab.json", so two instances
ended together (a logout) both keep their runs, and neither overwrites the other's. A file is
written whole or not at all (core.io.experiment.write_atomic: a temporary file renamed over
it); a kill during the write leaves only the temporary file, which the next start finds and
reports instead of hiding it. A run that cannot be written (too long for a file) is named and
left out; it never takes the other runs down with it.

At the next start, files of instances that are no longer running are moved out of the folder
under a dated name ("recovered-<date>-<time>-<pid>.gatelab.json" beside it) and offered.
"""

import os
import re
import time
from dataclasses import dataclass

from core.io import experiment as ex
from core.io import session_file
from core.io.experiment import ExperimentError

PREFIX = "unsaved-"
_OWN = re.compile(r"unsaved-(\d{8}-\d{6})-(\d+)\.gatelab\.json")
_HALF = re.compile(r"\.unsaved-(\d{8}-\d{6})-(\d+)\.gatelab\.json\.[0-9a-f]{8}\.tmp")


@dataclass(frozen=True)
class Kept:
    """What keep() wrote: the file (or None) and the runs it had to leave out, with why."""

    path: str | None
    left_out: tuple  # ((run label, reason), ...)


@dataclass(frozen=True)
class Found:
    """A recovery file of an ended instance, moved to `path`. complete: False for a file a kill
    cut off while it was written (it cannot be opened as it is)."""

    path: str
    complete: bool


class RecoveryFolder:
    def __init__(self, folder: str, pid: int | None = None, started: float | None = None):
        self.folder = folder
        self.pid = os.getpid() if pid is None else pid
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(started))
        self.path = os.path.join(folder, f"{PREFIX}{stamp}-{self.pid}{ex.SUFFIX}")

    # -- this instance -------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why unsaved runs could not be kept here (None if they can): checked at start, so the
        window can say so while the user can still act."""
        try:
            os.makedirs(self.folder, exist_ok=True)
            probe = os.path.join(self.folder, f".probe-{self.pid}")
            with open(probe, "w", encoding="utf-8") as file:
                file.write("ok")
            os.remove(probe)
        except OSError as error:
            return error.strerror or str(error)
        return None

    def keep(self, runs: list, current: int, names: dict, labels: list) -> Kept:
        """Writes `runs` (with the index of the run shown and the names given, by index) to this
        instance's file. Runs that cannot be written (the largest first, if together they are
        too large) are left out and listed. Raises OSError if the folder cannot be written."""
        if not runs:
            return Kept(None, ())
        left: list = []
        try:
            pieces = session_file.json_pieces(runs, current, names, left_out=left)
        except ExperimentError as error:  # not one run can be written
            return Kept(None, tuple((label, str(error)) for label in labels))
        os.makedirs(self.folder, exist_ok=True)
        ex.write_atomic(self.path, pieces)
        return Kept(self.path, tuple((labels[k], why) for k, why in left))

    # -- other instances' files, at start ----------------------------------------------------
    def collect(self) -> list[Found]:
        """Moves the files of instances no longer running out of the folder, newest first."""
        try:
            names = sorted(os.listdir(self.folder), reverse=True)
        except OSError:
            return []
        found = []
        for name in names:
            whole, half = _OWN.fullmatch(name), _HALF.fullmatch(name)
            match = whole or half
            if match is None:
                continue
            if name == os.path.basename(self.path) or _alive(int(match.group(2)), match.group(1)):
                continue  # that instance is still open: its file is its own
            source = os.path.join(self.folder, name)
            kept = self._dated(name, complete=bool(whole) or _parses(source))
            try:
                os.replace(source, kept)
            except OSError:
                kept = source
            found.append(Found(kept, complete=bool(whole) or kept.endswith(ex.SUFFIX)))
        return found

    def _dated(self, name: str, complete: bool) -> str:
        stamp = name[len(PREFIX) + name.index(PREFIX):].split(".")[0]
        base = os.path.join(os.path.dirname(self.folder), f"recovered-{stamp}")
        suffix = ex.SUFFIX if complete else ".incomplete.json"
        path, k = base + suffix, 2
        while os.path.exists(path):
            path, k = f"{base}-{k}{suffix}", k + 1
        return path


def check(path: str) -> str | None:
    """Why a recovered file cannot be opened, or None (it reads as a session)."""
    try:
        session_file.read(path)
    except ExperimentError as error:
        return str(error)
    except OSError as error:
        return error.strerror or str(error)
    return None


def _parses(path: str) -> bool:
    return check(path) is None


def _alive(pid: int, stamp: str) -> bool:
    """Whether the instance that named its file with `pid` and `stamp` still runs: a process of
    that number started before the stamp (after a reboot the number may be another program's)."""
    if not _running(pid):
        return False
    started = _start_time(pid)
    if started is None:
        return True  # cannot tell: leave its file alone
    try:
        made = time.mktime(time.strptime(stamp, "%Y%m%d-%H%M%S"))
    except ValueError:
        return True
    return started <= made + 2  # the window, and its name, come after its process starts


def _start_time(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), from Linux's /proc; None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as file:
            fields = file.read().rsplit(")", 1)[1].split()
        with open("/proc/stat", encoding="ascii") as file:
            boot = next(int(line.split()[1]) for line in file if line.startswith("btime "))
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process of that number
        return True
    except OSError:
        return False
    return True
