#!/bin/sh
# Adds GateLab to the desktop's application menu for the current user.
# Run it from the unpacked bundle folder: ./install-desktop-entry.sh
# (Undo: rm ~/.local/share/applications/gatelab.desktop ~/.local/share/icons/hicolor/256x256/apps/gatelab.png)
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$DATA/applications" "$DATA/icons/hicolor/256x256/apps"
cp "$HERE/gatelab.png" "$DATA/icons/hicolor/256x256/apps/gatelab.png"
# Exec needs the absolute path of this bundle; quoted for folders with spaces.
ESCAPED="$(printf '%s' "$HERE" | sed 's/[&|\\]/\\&/g')"
sed "s|^Exec=.*|Exec=\"$ESCAPED/gatelab\"|" "$HERE/gatelab.desktop" > "$DATA/applications/gatelab.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" || true
echo "Installed $DATA/applications/gatelab.desktop"
