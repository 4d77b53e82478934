#!/bin/bash
# Lays out the container build context (target/image-context) from the build's artifacts:
#   keycloak/  the stock Keycloak distribution with the Relais overlay applied (providers/, conf/, data/import/)
#   rootfs/    the appliance's own files (relais-start, backup/restore, example configuration) and the
#              IGC-Santé production authorities taken from the card provider jar
#   Containerfile
# Needs only bash and unzip (or the JDK's jar), so it runs in every build.
set -euo pipefail
dist_zip=$(realpath "$1") overlay_zip=$(realpath "$2") src=$(realpath "$3") out=$4

extract() { # zip, folder
    mkdir -p "$2"
    if command -v unzip >/dev/null; then unzip -q -o "$1" -d "$2"; else (cd "$2" && jar xf "$1"); fi
}
rm -rf "$out"
mkdir -p "$out/rootfs"
out=$(realpath "$out")
extract "$dist_zip" "$out/unpack"
mv "$out"/unpack/keycloak-* "$out/keycloak"
rmdir "$out/unpack"
extract "$overlay_zip" "$out/keycloak"
# jar does not keep file modes (unzip does): the scripts must be executable either way.
chmod 755 "$out/keycloak/bin/"*.sh

cp -a "$src/appliance/rootfs/." "$out/rootfs/"
extract "$out/keycloak/providers/relais-cps-auth.jar" "$out/cps-auth"
mkdir -p "$out/rootfs/usr/share/relais/igc-sante"
mv "$out/cps-auth/igc-sante/production" "$out/rootfs/usr/share/relais/igc-sante/production"
rm -rf "$out/cps-auth"
chmod 755 "$out/rootfs/usr/local/bin/"*
cp "$src/../../Containerfile" "$out/Containerfile"
echo "prepare-context: $out ready ($(du -sh "$out" | cut -f1))"
