#!/bin/bash
# Builds the VM appliance's root file system (target/vm-rootfs): the Debian base of build-vm-base.sh
# (systemd, PostgreSQL 15, the JRE) with the very /opt/keycloak of the container image (already built
# for PostgreSQL), the Relais scripts, and the relais, relais-db-init units. Its relais.conf has no
# hostname: Relais waits (exit 78, message in the journal and on the console's login banner) until the
# operator fills it in, so that nothing is imported into the realm with example values. Booted by the
# smoke test with `systemd-nspawn -b`; turned into a bootable disk by build-vm-disk.sh (then
# RELAIS_VM_KERNEL=1: a base with a kernel).
# Needs root, mmdebstrap, buildah and the container image from build-image.sh; skips like build-image.sh.
# Usage: build-vm-rootfs.sh <target dir> <version>
set -euo pipefail
target=$(realpath "$1") version=$2
sh=$(realpath "$(dirname "$0")")
src=$(realpath "$sh/../appliance")
image=localhost/relais/appliance:$version
root=$target/vm-rootfs
figures=$target/appliance-figures.txt

skip() {
    if [ "${RELAIS_REQUIRE_APPLIANCE:-0}" = 1 ]; then
        echo "build-vm-rootfs: ERROR: $* (RELAIS_REQUIRE_APPLIANCE=1)" >&2
        exit 1
    fi
    echo "build-vm-rootfs: SKIPPED: $*" >&2
    rm -rf "$root"
    exit 0
}
[ "$(id -u)" = 0 ] || skip "not root"
for tool in mmdebstrap buildah; do command -v "$tool" >/dev/null || skip "$tool is not installed"; done
[ -f "$target/relais-appliance-$version.oci.tar" ] || skip "the container image was not built"
. "$sh/containers-env.sh" "$target"

start=$(( $(date +%s%N) / 1000000 ))
# Waits for the base build-image.sh started in the background, if any, and shows its log.
base=$(bash "$sh/build-vm-base.sh" "$target")
if [ -f "$target/appliance-build/vm-base.log" ]; then
    cat "$target/appliance-build/vm-base.log" >&2
    rm -f "$target/appliance-build/vm-base.log"
fi

# Rebuilt only when the base, the image or the VM files changed.
build_id=$( { cat "$base.id"; buildah images --noheading --no-trunc --format '{{.ID}}' "$image";
              tar -C "$src/vm" -cf - . | sha256sum; sha256sum "$0"; } | sha256sum | cut -d' ' -f1)
if [ -d "$root" ] && [ "$(cat "$target/vm-rootfs.id" 2>/dev/null)" = "$build_id" ]; then
    echo "build-vm-rootfs: $root is up to date"
    exit 0
fi
rm -rf "$root" "$root.tmp" "$target/vm-rootfs.id"
cp -a "$base" "$root.tmp"
r=$root.tmp

# The built Keycloak and the Relais scripts, taken from the container image.
ctr=$(buildah from --pull=never "$image")
trap 'buildah umount "$ctr" >/dev/null 2>&1 || true; buildah rm "$ctr" >/dev/null 2>&1 || true' EXIT
from=$(buildah mount "$ctr")
cp -a "$from/opt/keycloak" "$r/opt/keycloak"
cp -a "$from/usr/local/bin/." "$r/usr/local/bin/"
cp -a "$from/usr/share/relais" "$r/usr/share/relais"
mkdir -p "$r/usr/lib/relais" && cp -a "$from/usr/lib/relais/." "$r/usr/lib/relais/"
cp -a "$src/vm/." "$r/"

chroot "$r" groupadd --system --gid 1000 keycloak
chroot "$r" useradd --system --uid 1000 --gid 1000 --home-dir /opt/keycloak --no-create-home \
    --shell /usr/sbin/nologin keycloak 2>/dev/null
chown -R 1000:1000 "$r/opt/keycloak/data"
install -d -o 1000 -g 1000 -m 700 "$r/var/lib/relais"
install -d -m 750 -g 1000 "$r/etc/relais"
sed -e "s/^RELAIS_HOSTNAME=.*/RELAIS_HOSTNAME=/" "$r/usr/share/relais/relais.conf.example" > "$r/etc/relais/relais.conf"
chgrp 1000 "$r/etc/relais/relais.conf" && chmod 640 "$r/etc/relais/relais.conf"
echo "root:relais" | chroot "$r" chpasswd
chroot "$r" passwd --expire root >/dev/null
chroot "$r" systemctl enable systemd-networkd relais-db-init.service relais.service >/dev/null 2>&1

mv "$r" "$root"
echo "$build_id" > "$target/vm-rootfs.id"
ms=$(( $(date +%s%N) / 1000000 - start ))
echo "vm_rootfs_seconds=$((ms / 1000)).$((ms % 1000 / 100))" >> "$figures"
echo "vm_rootfs_size=$(du -sh "$root" | cut -f1)" >> "$figures"
echo "build-vm-rootfs: $root ($(du -sh "$root" | cut -f1))"
