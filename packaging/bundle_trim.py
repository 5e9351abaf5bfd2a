"""What the GateLab bundle keeps, and the build steps that make it smaller.

Used by packaging/gatelab.spec on PyInstaller's TOCs: lists of (dest, source, typecode).
Needs binutils (readelf, strip); trimming ICU also needs icupkg (Debian: icu-devtools)
and a C compiler driver (cc) to link the smaller data library.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

# Qt plugins worth their size: X11 (+ its GLX/EGL glue), Wayland (+ EGL client buffers,
# xdg-shell, a decoration), offscreen/minimal (headless; the app then shows its 2D view),
# input methods, the xdg portal theme, SVG/JPEG/ICO images, SVG icons. Dropped: the GTK3
# theme (pulls GTK, cairo, pango), eglfs/linuxfb/vnc/vkkhrdisplay, evdev, TLS, network info.
KEPT_PLUGINS = {
    "platforms": {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"},
    "xcbglintegrations": {"libqxcb-glx-integration.so", "libqxcb-egl-integration.so"},
    "wayland-graphics-integration-client": {"libqt-plugin-wayland-egl.so"},
    "wayland-shell-integration": {"libxdg-shell.so"},
    "wayland-decoration-client": {"libbradient.so"},
    "platforminputcontexts": None,  # None: the whole plugin type
    "platformthemes": {"libqxdgdesktopportal.so"},
    "imageformats": {"libqsvg.so", "libqjpeg.so", "libqico.so"},
    "iconengines": None,
}
# Qt's own translations: GateLab speaks English and Japanese. Load "qtbase_<lang>" with a
# QTranslator (the "qt_<lang>" meta catalogue also wants qtmultimedia, absent in Essentials).
KEPT_TRANSLATIONS = re.compile(r"qtbase_(ja|en)\.qm$")

# Libraries taken from the target system, not bundled (the README lists their packages).
# Every desktop Linux has them, and the system's OpenGL driver (Mesa) links to them too:
# a bundled copy older than the system's (libstdc++, libexpat, libz, libX11, ...) is found
# first and stops the driver from loading. Leaving them out also keeps the bundle's glibc
# floor at what Qt itself needs. The xcb helper libraries of Qt's X11 plugin, which
# desktops often lack (libxcb-cursor, -icccm, -image, -keysyms, -render-util, -util,
# libxkbcommon-x11), stay in the bundle.
TARGET_SYSTEM_LIBRARIES = re.compile(
    r"^lib(stdc\+\+|gcc_s|z|zstd|lzma|lz4|bz2|expat|ffi|uuid|blkid|mount|selinux|cap"
    r"|X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|bsd|md|xcb|xcb-(glx|render|shm|sync|xfixes|xkb|randr|shape)"
    r"|xkbcommon|glib-2\.0|gthread-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|pcre2-8"
    r"|fontconfig|freetype|png16|brotli(common|dec|enc)|dbus-1|systemd|gcrypt|gpg-error"
    r"|readline|tinfo|ncursesw?|crypto|ssl|wayland-(client|cursor|egl))\.so"
)
# Shared libraries only ever loaded with dlopen, so not reachable through DT_NEEDED.
DLOPEN_ROOTS = re.compile(r"^libpython3[.\d]*\.so")

# ICU data trees Qt never reads. Qt Core calls ICU for collation (coll/), time zones
# (zoneinfo64, zone/, the locales' calendar data), codecs (*.cnv) and case mapping (built
# into libicuuc); it never formats currencies, units, language or region names, spells
# out numbers, transliterates or breaks text with ICU. These trees are 15 MB of 32.
UNUSED_ICU_TREES = ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit")


def wanted(dest):
    """False for a plugin, translation or system library the bundle leaves out."""
    if TARGET_SYSTEM_LIBRARIES.match(os.path.basename(dest)):
        return False
    parts = Path(dest).parts
    if parts[:2] != ("PySide6", "Qt"):
        return True
    qt = parts[2:]
    if qt[:1] == ("plugins",) and len(qt) >= 3:
        kept = KEPT_PLUGINS.get(qt[1], set())
        return kept is None or qt[-1] in kept
    if qt[:1] == ("translations",):
        return bool(KEPT_TRANSLATIONS.search(qt[-1]))
    return True


def _readelf(*args):
    return subprocess.run(["readelf", "-W", *args], capture_output=True, text=True).stdout


def needed_libraries(path):
    """DT_NEEDED names of an ELF file (empty for anything readelf cannot read)."""
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", _readelf("-d", path)))


def prune_orphans(binaries):
    """Drops shared libraries nothing left in the bundle links to.

    Leaving out a plugin (GTK3 theme, TLS, eglfs, ...) leaves behind the libraries that
    were collected for it: walk DT_NEEDED from what is loaded directly (extension modules,
    Qt plugins, dlopen-only libraries) and keep what is reached.
    """
    by_name, sources = {}, {}
    for dest, src, _ in binaries:
        by_name.setdefault(os.path.basename(dest), []).append(dest)
        sources[dest] = src
    stack = [dest for dest, _, kind in binaries
             if kind == "EXTENSION" or "/plugins/" in dest or DLOPEN_ROOTS.match(os.path.basename(dest))]
    reached = set()
    while stack:
        dest = stack.pop()
        if dest not in reached:
            reached.add(dest)
            for name in needed_libraries(sources[dest]):
                stack.extend(by_name.get(name, ()))
    return [entry for entry in binaries if entry[0] in reached]


def link_target(entry):
    dest, target, _ = entry
    return os.path.normpath(os.path.join(os.path.dirname(dest), target))


def drop_dangling_symlinks(datas, binaries):
    """SYMLINK entries (top-level libQt6*.so.6 -> PySide6/Qt/lib/...) sit in datas; keeps
    those whose target is still collected."""
    collected = {entry[0] for entry in binaries + datas if entry[2] != "SYMLINK"}
    return [entry for entry in datas if entry[2] != "SYMLINK" or link_target(entry) in collected]


def _has_symbols(path):
    sections = _readelf("-S", path)
    return " .symtab " in sections or " .debug_info " in sections


def segments_aligned(path):
    """False when a LOAD segment's file offset and address disagree modulo its alignment:
    ld.so refuses such a file ("ELF load command address/offset not page-aligned"), which
    is what `strip` makes of libraries patched by patchelf (auditwheel's numpy.libs)."""
    loads = [line.split() for line in _readelf("-l", path).splitlines() if line.split()[:1] == ["LOAD"]]
    # Columns: LOAD Offset VirtAddr PhysAddr FileSiz MemSiz Flags... Align (Flags may be "R E").
    return bool(loads) and all((int(f[2], 16) - int(f[1], 16)) % int(f[-1], 16) == 0 for f in loads)


def stripped(binaries, work_dir):
    """Strips symbol tables and debug info (never the dynamic symbols) from libraries that
    still carry them: pyenv's libpython (23 MB -> 6 MB), lib-dynload, ICU, NumPy's
    extension modules. Stripped copies go to work_dir; a copy the loader would refuse is
    dropped in favour of the original."""
    strip = shutil.which("strip")
    if not strip:
        return binaries
    result = []
    for dest, src, kind in binaries:
        if _has_symbols(src):
            target = Path(work_dir) / "stripped" / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
            subprocess.run([strip, "--strip-unneeded", str(target)], check=True)
            if segments_aligned(target):
                src = str(target)
        result.append((dest, src, kind))
    return result


def _icu_data_blob(library):
    """(symbol name, bytes) of the ICU common data package inside libicudataNN.so."""
    symbols = re.findall(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\w+\s+\d+\s+(icudt\d+_dat)$",
                         _readelf("--dyn-syms", library), re.M)
    if not symbols:
        raise ValueError(f"no icudtNN_dat symbol in {library}")
    address, size, name = int(symbols[0][0], 16), int(symbols[0][1], 0), symbols[0][2]
    for line in _readelf("-S", library).splitlines():
        match = re.search(r"\]\s+\S+\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if match:
            section_address, offset, section_size = (int(g, 16) for g in match.groups())
            if section_address <= address < section_address + section_size:
                with open(library, "rb") as handle:
                    handle.seek(offset + address - section_address)
                    return name, handle.read(size)
    raise ValueError(f"{name} is in no PROGBITS section of {library}")


def trimmed_icu_data(library, work_dir, log=print):
    """A copy of libicudataNN.so without the ICU data trees Qt never reads, or the
    original library when icupkg or cc is missing."""
    icupkg, cc = shutil.which("icupkg"), shutil.which("cc") or shutil.which("gcc")
    if not (icupkg and cc):
        log("WARNING: icupkg (icu-devtools) or cc missing: ICU data left whole (+15 MB)")
        return library
    out = Path(work_dir) / "icu"
    shutil.rmtree(out, ignore_errors=True)
    (out / "full").mkdir(parents=True)
    (out / "trimmed").mkdir()
    symbol, blob = _icu_data_blob(library)
    package = symbol[: -len("_dat")] + "l"  # icudt73_dat -> icudt73l (little-endian package)
    (out / "full" / f"{package}.dat").write_bytes(blob)
    items = subprocess.run([icupkg, "-l", str(out / "full" / f"{package}.dat")],
                           capture_output=True, text=True, check=True).stdout.split()
    removed = [item for item in items if item.split("/")[0] in UNUSED_ICU_TREES]
    (out / "removed.txt").write_text("\n".join(removed) + "\n")
    subprocess.run([icupkg, "-r", str(out / "removed.txt"), str(out / "full" / f"{package}.dat"),
                    str(out / "trimmed" / f"{package}.dat")], check=True, capture_output=True)
    source = out / "icudata.S"
    source.write_text(
        f'\t.section .rodata\n\t.balign 16\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
        f'{symbol}:\n\t.incbin "{out / "trimmed" / f"{package}.dat"}"\n'
        f'\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",@progbits\n')
    result = out / os.path.basename(library)
    subprocess.run([cc, "-shared", "-nostdlib", f"-Wl,-soname,{os.path.basename(library)}",
                    "-o", str(result), str(source)], check=True)
    log(f"ICU data: {len(blob) / 1e6:.1f} MB -> {result.stat().st_size / 1e6:.1f} MB "
        f"({len(removed)} of {len(items)} items removed)")
    return str(result)


def with_trimmed_icu(binaries, work_dir, log=print):
    result = []
    for dest, src, kind in binaries:
        if re.match(r"libicudata\.so\.\d+$", os.path.basename(dest)):
            src = trimmed_icu_data(src, work_dir, log)
        result.append((dest, src, kind))
    return result
