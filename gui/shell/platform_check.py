"""A clear line instead of Qt's abort when the window system plugin cannot load.

Without some system libraries (libxcb-cursor0 is the classic one on a bare Debian or Ubuntu),
Qt prints several lines about plugins and aborts with a core dump. While the QApplication is
being made, a message handler watches for Qt's fatal message and ends the process: with one
line that names the package to install when a library is missing, else with Qt's own lines.
"""

import ctypes
import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QtMsgType, qInstallMessageHandler

EXIT_CODE = 1
_SONAME = re.compile(r"(lib[\w.+-]+?)\.so\.(\d+)")


def debian_package(soname: str) -> str:
    """libxcb-cursor.so.0 -> libxcb-cursor0; libdbus-1.so.3 -> libdbus-1-3 (Debian's naming)."""
    match = _SONAME.search(soname)
    if not match:
        return ""
    base, version = match.group(1).lower(), match.group(2)
    return f"{base}-{version}" if base[-1].isdigit() else f"{base}{version}"


def missing_library(platform: str) -> str:
    """The shared library the platform plugin cannot load, e.g. 'libxcb-cursor.so.0', or ''."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    plugin = plugins / f"libq{platform}.so"
    if not plugin.is_file():
        return ""
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as error:
        match = _SONAME.search(str(error))
        return match.group(0) if match else ""
    return ""


def advice(platform: str, missing: str) -> str:
    """The one line for a plugin that cannot load `missing` (a soname missing_library found)."""
    return (f"GateLab cannot open its window: Qt could not load its '{platform}' display "
            f"plugin (it needs {missing}). On Debian or Ubuntu: "
            f"sudo apt-get install {debian_package(missing)}")


class PlatformGuard:
    """Use around QApplication(...): `with PlatformGuard(): app = QApplication(argv)`."""

    def __init__(self, stream=None):
        self._stream = stream
        self._previous = None
        self._held: list[str] = []  # Qt's plugin lines, shown only if no advice can be given

    def __enter__(self):
        self._previous = qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, *exc):
        qInstallMessageHandler(self._previous)
        return False

    def _handle(self, kind, context, message):
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
            self._answer(message)
        if context is not None and (context.category or "").startswith("qt.qpa.plugin"):
            self._held.append(message)  # they lead up to the fatal message, answered above
            return
        if self._previous is not None:
            self._previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    def _answer(self, fatal: str):
        """One line naming the package when a library the plugin needs is missing; else
        Qt's own lines (no display to connect to, say). Either way no abort and core dump."""
        platform = next(filter(None, map(_platform_in, self._held + [fatal])), "")
        missing = missing_library(platform) if platform else ""
        stream = self._stream or sys.stderr
        if missing:
            stream.write(advice(platform, missing) + "\n")
        else:
            lines = ["GateLab cannot open its window. Qt says:"] + self._held + [fatal.strip()]
            stream.write("\n".join(lines) + "\n")
        stream.flush()
        os._exit(EXIT_CODE)  # Qt aborts when this handler returns


def _platform_in(message: str) -> str:
    match = re.search(r'platform plugin "([\w-]+)"', message)
    return match.group(1) if match else ""
