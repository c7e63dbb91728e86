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

# The bundle carries Qt's xcb-util libraries, so the build machine must have them
# (the spec stops with the list otherwise); install them like .ci/run does, when root.
xcb_pkgs="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-util1"
if [ "$(uname -s)" = Linux ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null \
   && ! ldconfig -p | grep -q 'libxcb-cursor.so.0'; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $xcb_pkgs > /dev/null
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sereno-bundle.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/shots"

cd "$root"
"$python" translations/compile.py
echo "Building the bundle in $tmp (takes a minute or two)..."
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$tmp/dist" --workpath "$tmp/build" packaging/pyinstaller/sereno.spec \
  > "$tmp/pyinstaller.log" 2>&1 || { cat "$tmp/pyinstaller.log"; exit 1; }

bare=(env -i PATH=/usr/bin:/bin HOME="$tmp/home" QT_QPA_PLATFORM=offscreen)
fail() { echo "check-bundle: $*" >&2; exit 1; }
cd "$tmp/home"  # nothing may be found relative to the source tree

exe="$tmp/dist/sereno/sereno"
# The compiled catalogs must be used as they are (a .po newer than its .mo is recompiled at
# every start), and every language must be there.
for lang in es_MX fr_FR en; do
  ls "$tmp"/dist/sereno/_internal/app/_data/translations/$lang/LC_MESSAGES/sereno.mo > /dev/null \
    || fail "no compiled catalog for $lang in the bundle"
done
stale=$(find "$tmp/dist/sereno/_internal/app/_data/translations" -name '*.po' | while read -r po; do
  if [ ! -e "${po%.po}.mo" ] || [ "$po" -nt "${po%.po}.mo" ]; then echo "$po"; fi; done)
[ -z "$stale" ] || fail "catalogs older than their .po in the bundle: $stale"

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

# 3. The tarball installs for one user, runs from there, and uninstalls without touching
#    the person's answers.
"$root/packaging/linux/make_tarball.sh" "$tmp/dist/sereno" "$tmp/sereno-0-linux-test.tar.gz" > /dev/null
mkdir -p "$tmp/unpack" "$tmp/user/Desktop" "$tmp/user/.local/share/Sereno"
echo keep > "$tmp/user/.local/share/Sereno/answers"
tar -C "$tmp/unpack" -xzf "$tmp/sereno-0-linux-test.tar.gz"
user=(env -i PATH=/usr/bin:/bin HOME="$tmp/user" QT_QPA_PLATFORM=offscreen)
"${user[@]}" sh "$tmp/unpack/sereno-0/install.sh" > /dev/null || fail "install.sh failed"
installed="$tmp/user/.local/share/sereno"
for f in "$installed/sereno/sereno" "$installed/uninstall.sh" \
         "$tmp/user/.local/share/applications/org.sereno.Sereno.desktop" \
         "$tmp/user/Desktop/org.sereno.Sereno.desktop" \
         "$tmp/user/.local/share/icons/hicolor/256x256/apps/org.sereno.Sereno.png"; do
  [ -e "$f" ] || fail "install.sh did not create $f"
done
if command -v desktop-file-validate > /dev/null; then
  desktop-file-validate "$tmp/user/.local/share/applications/org.sereno.Sereno.desktop" \
    || fail "the installed menu entry is not valid"
fi
[ "$("${user[@]}" "$installed/sereno/sereno" --version)" = "$expected" ] || fail "installed copy does not run"
"${user[@]}" "$installed/uninstall.sh" --uninstall > /dev/null || fail "uninstall failed"
[ ! -e "$installed" ] || fail "uninstall left $installed"
[ ! -e "$tmp/user/Desktop/org.sereno.Sereno.desktop" ] || fail "uninstall left the desktop icon"
[ "$(cat "$tmp/user/.local/share/Sereno/answers")" = keep ] || fail "uninstall touched the answers"
echo "ok  tarball: install.sh installs, the installed copy runs, --uninstall keeps the answers"

# 4. Size.
"$python" "$root/packaging/bundle_report.py" "$tmp/dist/sereno" --max-mb "$max_mb"
echo "check-bundle: all good"
