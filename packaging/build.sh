#!/usr/bin/env bash
# Builds the one-folder GateLab bundle: dist/gatelab/gatelab (run it, or install the desktop
# entry with dist/gatelab/install-desktop-entry.sh).
#
#   packaging/build.sh [DIST_DIR [WORK_DIR]]      defaults: dist/ and build/ in the repository
#
# Needs: pip install -e ".[build]" (PyInstaller), and binutils (readelf, strip).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$(realpath -m "${1:-$ROOT/dist}")"
WORK="$(realpath -m "${2:-$ROOT/build}")"
BUDGET_MB=150

start=$SECONDS
python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/gatelab.spec"

BUNDLE="$DIST/gatelab"
# Desktop integration files, next to the executable.
cp "$ROOT/packaging/gatelab.desktop" "$BUNDLE/gatelab.desktop"
cp "$ROOT/resources/icon.png" "$BUNDLE/gatelab.png"
cp "$ROOT/packaging/install-desktop-entry.sh" "$BUNDLE/install-desktop-entry.sh"
chmod +x "$BUNDLE/install-desktop-entry.sh"

size_mb=$(du -sm "$BUNDLE" | cut -f1)
echo "Built $BUNDLE in $((SECONDS - start)) s"
echo "Bundle size: ${size_mb} MB (budget ${BUDGET_MB} MB)"
if (( size_mb > BUDGET_MB )); then
  echo "error: the bundle is over the ${BUDGET_MB} MB budget" >&2
  exit 1
fi
