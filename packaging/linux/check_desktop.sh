#!/usr/bin/env bash
# Before `make run` on Linux: the system libraries Qt's window plugin (xcb) needs to open a
# window. Without them Qt only says "could not load the Qt platform plugin"; this says, in one
# line, which Debian/Ubuntu packages to install. Elsewhere, or under Wayland alone, it passes.
[ "$(uname -s)" = Linux ] || exit 0
command -v ldconfig >/dev/null || exit 0
missing=()
for pair in libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 \
    libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-image.so.0:libxcb-image0 \
    libxcb-render-util.so.0:libxcb-render-util0 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
    libEGL.so.1:libegl1 libfontconfig.so.1:libfontconfig1; do
  ldconfig -p | grep -q "${pair%%:*}" || missing+=("${pair##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Sereno needs these system packages to open its window: sudo apt install ${missing[*]}" >&2
  exit 1
fi
