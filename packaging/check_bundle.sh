#!/usr/bin/env bash
# Build the bundle in a temporary folder and prove it runs without Python or any of our
# environment: `sereno --version`, then `sereno --screenshots DIR` (offscreen), with
# env -i and a fresh HOME. Called by `make check-bundle` (and .ci/run when SERENO_BUNDLE=1).
#
#   packaging/check_bundle.sh PYTHON      PYTHON: the venv's python, with PyInstaller
set -euo pipefail
python=${1:?usage: check_bundle.sh PYTHON}
case "$python" in /*) ;; */*) python=$PWD/$python ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
max_mb=${SERENO_BUNDLE_MAX_MB:-180}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sereno-bundle.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/shots"

cd "$root"
"$python" translations/compile.py
echo "Building the bundle in $tmp (takes a minute or two)..."
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$tmp/dist" --workpath "$tmp/build" packaging/pyinstaller/sereno.spec \
  > "$tmp/pyinstaller.log" 2>&1 || { cat "$tmp/pyinstaller.log"; exit 1; }

exe="$tmp/dist/sereno/sereno"
bare=(env -i PATH=/usr/bin:/bin HOME="$tmp/home" QT_QPA_PLATFORM=offscreen)
fail() { echo "check-bundle: $*" >&2; exit 1; }
cd "$tmp/home"  # nothing may be found relative to the source tree

# 1. The version, from the bundle alone.
version=$("${bare[@]}" "$exe" --version) || fail "--version failed"
expected="Sereno $(cd "$root" && "$python" -c 'import app; print(app.__version__)')"
[ "$version" = "$expected" ] || fail "--version said '$version', expected '$expected'"
echo "ok  $version"

# 2. Every page rendered to PNG, from the bundle alone (catalogs, resources, Qt plugins).
"${bare[@]}" "$exe" --screenshots "$tmp/shots" > "$tmp/shots.log" 2>&1 \
  || { cat "$tmp/shots.log"; fail "--screenshots failed"; }
count=$(find "$tmp/shots" -name '*.png' -size +1k | wc -l)
[ "$count" -gt 0 ] || { cat "$tmp/shots.log"; fail "--screenshots wrote no PNG"; }
for png in "$tmp"/shots/*.png; do
  head -c 8 "$png" | od -An -c | grep -q 'P   N   G' || fail "$png is not a PNG"
done
echo "ok  $count screenshots written"
if grep -E "Traceback|Error|Could not load|Cannot load" "$tmp/shots.log" >&2; then
  fail "the bundle printed errors while rendering (above)"
fi

# 3. Size.
"$python" "$root/packaging/bundle_report.py" "$tmp/dist/sereno" --max-mb "$max_mb"
echo "check-bundle: all good"
