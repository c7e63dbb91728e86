#!/bin/sh
# Install Sereno for the current user only; nothing here needs root or the internet.
#
#   ./install.sh              install (or update) Sereno, with a menu entry and a desktop icon
#   ./install.sh --uninstall  remove the program, the menu entry and the desktop icon
#
# The program goes to ~/.local/share/sereno. The person's own answers live elsewhere
# (~/.local/share/Sereno, with a capital S) and are never touched, not even by --uninstall.
# After installing, the uninstaller is also kept as ~/.local/share/sereno/uninstall.sh.
set -eu

APP_ID=org.sereno.Sereno
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
DEST=$DATA_HOME/sereno
APPS=$DATA_HOME/applications
ICONS=$DATA_HOME/icons/hicolor
METAINFO=$DATA_HOME/metainfo
HERE=$(cd "$(dirname "$0")" && pwd)

say() { printf '%s\n' "$*"; }

desktop_dir() {
    # The desktop folder has the person's language's name (Escritorio, Bureau...).
    dir=""
    if command -v xdg-user-dir >/dev/null 2>&1; then
        dir=$(xdg-user-dir DESKTOP 2>/dev/null || true)
    fi
    if [ -z "$dir" ] || [ "$dir" = "$HOME" ]; then
        dir=$HOME/Desktop
    fi
    printf '%s\n' "$dir"
}

refresh_menus() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" 2>/dev/null || true
    return 0
}

uninstall() {
    desk=$(desktop_dir)
    rm -f "$APPS/$APP_ID.desktop" "$desk/$APP_ID.desktop" "$METAINFO/$APP_ID.metainfo.xml"
    for size in 16 32 48 128 256; do
        rm -f "$ICONS/${size}x${size}/apps/$APP_ID.png"
    done
    rm -f "$ICONS/scalable/apps/$APP_ID.svg" "$ICONS/symbolic/apps/$APP_ID-symbolic.svg"
    for dir in 16x16 32x32 48x48 128x128 256x256 scalable symbolic; do
        rmdir "$ICONS/$dir/apps" "$ICONS/$dir" 2>/dev/null || true  # only if now empty
    done
    # Only what install.sh put there: the program folder, never the person's data.
    rm -rf "$DEST/sereno" "$DEST/sereno.new" "$DEST/sereno.old"
    rm -f "$DEST/uninstall.sh" "$DEST/VERSION"
    rmdir "$DEST" 2>/dev/null || true
    refresh_menus
    say "Sereno has been removed. The answers saved in $DATA_HOME/Sereno are still there;"
    say "delete that folder too if nobody needs them any more."
}

install_desktop_file() {
    # $1: target file. Exec and Icon point at the installed files, quoted for spaces.
    sed -e "s|^Exec=.*|Exec=\"$DEST/sereno/sereno\"|" \
        -e "s|^TryExec=.*||" "$HERE/$APP_ID.desktop" > "$1.tmp"
    chmod 0755 "$1.tmp"
    mv -f "$1.tmp" "$1"
}

install() {
    [ -x "$HERE/sereno/sereno" ] || { say "The sereno folder is missing next to install.sh." >&2; exit 1; }
    mkdir -p "$DEST" "$APPS" "$METAINFO"

    # Copy the new program beside the old one, then swap: an interrupted copy never
    # leaves a half-installed Sereno behind.
    rm -rf "$DEST/sereno.new" "$DEST/sereno.old"
    cp -R "$HERE/sereno" "$DEST/sereno.new"
    [ -d "$DEST/sereno" ] && mv "$DEST/sereno" "$DEST/sereno.old"
    mv "$DEST/sereno.new" "$DEST/sereno"
    rm -rf "$DEST/sereno.old"
    cp "$HERE/install.sh" "$DEST/uninstall.sh"
    chmod 0755 "$DEST/uninstall.sh"
    [ -f "$HERE/VERSION" ] && cp "$HERE/VERSION" "$DEST/VERSION"

    for size in 16 32 48 128 256; do
        mkdir -p "$ICONS/${size}x${size}/apps"
        cp "$HERE/icons/$size/sereno.png" "$ICONS/${size}x${size}/apps/$APP_ID.png"
    done
    mkdir -p "$ICONS/scalable/apps" "$ICONS/symbolic/apps"
    cp "$HERE/icons/sereno.svg" "$ICONS/scalable/apps/$APP_ID.svg"
    cp "$HERE/icons/sereno-symbolic.svg" "$ICONS/symbolic/apps/$APP_ID-symbolic.svg"
    cp "$HERE/$APP_ID.metainfo.xml" "$METAINFO/$APP_ID.metainfo.xml"

    # The menu entry (Applications > Utilities / Accessories).
    install_desktop_file "$APPS/$APP_ID.desktop"

    # The icon on the desktop.
    desk=$(desktop_dir)
    if [ -d "$desk" ]; then
        install_desktop_file "$desk/$APP_ID.desktop"
        # GNOME asks before launching an unknown desktop file; mark ours as trusted.
        if command -v gio >/dev/null 2>&1; then
            gio set "$desk/$APP_ID.desktop" metadata::trusted true 2>/dev/null || true
        fi
        shortcut="and an icon on the desktop ($desk)"
    else
        shortcut="(no desktop folder found, so no desktop icon)"
    fi
    refresh_menus
    say "Sereno is installed in $DEST,"
    say "with an entry in the applications menu $shortcut."
    say "To remove it later: $DEST/uninstall.sh --uninstall"
}

case "${1:-}" in
    --uninstall|uninstall) uninstall ;;
    ""|--install|install)
        # When run as the copy kept in the install folder, there is nothing to install from.
        if [ "$HERE" = "$DEST" ]; then uninstall; else install; fi ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) say "Unknown option: $1 (use --uninstall, or nothing to install)" >&2; exit 2 ;;
esac
