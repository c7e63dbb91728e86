#!/bin/sh
# Pack a built bundle with the Linux desktop files into one .tar.gz (run by `make tarball`).
#
#   packaging/linux/make_tarball.sh dist/sereno dist/sereno-0.1.0-linux-x86_64.tar.gz
#
# Inside: sereno-<version>/{install.sh, sereno/, icons/, org.sereno.Sereno.desktop,
# org.sereno.Sereno.metainfo.xml, VERSION, LEEME.txt}.
set -eu
bundle=${1:?usage: make_tarball.sh BUNDLE_DIR OUTPUT.tar.gz}
out=${2:?usage: make_tarball.sh BUNDLE_DIR OUTPUT.tar.gz}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

[ -x "$bundle/sereno" ] || { echo "No bundle in $bundle: run make bundle first" >&2; exit 1; }
name=$(basename "$out" .tar.gz)
version=$(printf '%s\n' "$name" | sed -n 's/^sereno-\([^-]*\)-.*/\1/p')
top=sereno-${version:-unknown}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$top/icons"
cp -R "$bundle" "$stage/$top/sereno"
cp "$here/install.sh" "$here/org.sereno.Sereno.desktop" "$here/org.sereno.Sereno.metainfo.xml" "$stage/$top/"
chmod 0755 "$stage/$top/install.sh"
for size in 16 32 48 128 256; do
    mkdir -p "$stage/$top/icons/$size"
    cp "$here/icons/$size/sereno.png" "$stage/$top/icons/$size/"
done
cp "$root/resources/icons/sereno.svg" "$root/resources/icons/sereno-symbolic.svg" "$stage/$top/icons/"
printf '%s\n' "${version:-unknown}" > "$stage/$top/VERSION"
cat > "$stage/$top/LEEME.txt" <<'EOF'
Sereno

ES  Para instalar: abra esta carpeta, haga clic derecho en install.sh y elija
    "Ejecutar como programa" (o escriba ./install.sh en una terminal).
    Sereno aparecerá en el menú de aplicaciones y en el escritorio.
FR  Pour installer : ouvrez ce dossier, faites un clic droit sur install.sh et choisissez
    « Exécuter comme un programme » (ou tapez ./install.sh dans un terminal).
    Sereno apparaîtra dans le menu des applications et sur le bureau.
EN  To install: open this folder, right-click install.sh and choose "Run as a program"
    (or type ./install.sh in a terminal). Sereno appears in the applications menu and on
    the desktop. To remove it: ~/.local/share/sereno/uninstall.sh --uninstall
EOF

mkdir -p "$(dirname "$out")"
tar -C "$stage" -czf "$out.tmp" "$top"
mv -f "$out.tmp" "$out"
size=$(du -h "$out" | cut -f1)
echo "Wrote $out ($size)"
