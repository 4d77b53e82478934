#!/bin/bash
# Builds the VM appliance's root file system (target/vm-rootfs): Debian 12 with systemd, PostgreSQL 15,
# the JRE and the very /opt/keycloak of the container image (already built for PostgreSQL), plus the
# relais, relais-db-init units. Its relais.conf has no hostname: Relais waits (exit 78, message in the
# journal and on the console's login banner) until the operator fills it in, so that nothing is imported
# into the realm with example values. Booted by the smoke test with `systemd-nspawn -b`; turned into a
# bootable disk by build-vm-disk.sh (then RELAIS_VM_KERNEL=1 adds a kernel).
# Needs root, mmdebstrap, buildah and the container image from build-image.sh; skips like build-image.sh.
# Usage: build-vm-rootfs.sh <target dir> <version>
set -euo pipefail
target=$(realpath "$1") version=$2
src=$(realpath "$(dirname "$0")/../appliance")
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
. "$(dirname "$0")/containers-env.sh" "$target"

# Rebuilt only when the image or the VM files changed (the Debian packages are not re-fetched otherwise).
build_id=$( { buildah images --noheading --no-trunc --format '{{.ID}}' "$image"; echo "${RELAIS_VM_KERNEL:-0}";
              tar -C "$src/vm" -cf - . | sha256sum; sha256sum "$0"; } | sha256sum | cut -d' ' -f1)
if [ -d "$root" ] && [ "$(cat "$target/vm-rootfs.id" 2>/dev/null)" = "$build_id" ]; then
    echo "build-vm-rootfs: $root is up to date"
    exit 0
fi
rm -f "$target/vm-rootfs.id"
start=$(( $(date +%s%N) / 1000000 ))
# The built Keycloak and the Relais scripts, taken from the container image.
ctr=$(buildah from --pull=never "$image")
trap 'buildah umount "$ctr" >/dev/null 2>&1 || true; buildah rm "$ctr" >/dev/null 2>&1 || true' EXIT
from=$(buildah mount "$ctr")

packages=systemd-sysv,dbus,udev,postgresql-15,postgresql-client-15,openjdk-17-jre-headless,ca-certificates,tzdata,iproute2,procps,less,curl
if [ "${RELAIS_VM_KERNEL:-0}" = 1 ]; then packages=$packages,linux-image-cloud-amd64; fi
rm -rf "$root" "$root.tmp"
mmdebstrap --quiet --variant=minbase --include="$packages" --aptopt='Acquire::Languages "none"' \
    --setup-hook='mkdir -p "$1"/usr/share/man/man1 "$1"/etc/postgresql-common/createcluster.d' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-include=/usr/share/man/man1' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --customize-hook="cp -a '$from/opt/keycloak' \"\$1\"/opt/keycloak" \
    --customize-hook="cp -a '$from/usr/local/bin/.' \"\$1\"/usr/local/bin/" \
    --customize-hook="cp -a '$from/usr/share/relais' \"\$1\"/usr/share/relais" \
    --customize-hook="mkdir -p \"\$1\"/usr/lib/relais && cp -a '$from/usr/lib/relais/.' \"\$1\"/usr/lib/relais/" \
    --customize-hook="cp -a '$src/vm/.' \"\$1\"/" \
    --customize-hook='chroot "$1" sh -c "groupadd --system --gid 1000 keycloak && useradd --system --uid 1000 --gid 1000 --home-dir /opt/keycloak --no-create-home --shell /usr/sbin/nologin keycloak"' \
    --customize-hook='chown -R 1000:1000 "$1"/opt/keycloak/data && install -d -o 1000 -g 1000 -m 700 "$1"/var/lib/relais' \
    --customize-hook='install -d -m 750 -g 1000 "$1"/etc/relais && sed -e "s/^RELAIS_HOSTNAME=.*/RELAIS_HOSTNAME=/" "$1"/usr/share/relais/relais.conf.example > "$1"/etc/relais/relais.conf && chgrp 1000 "$1"/etc/relais/relais.conf && chmod 640 "$1"/etc/relais/relais.conf' \
    --customize-hook='echo "root:relais" | chroot "$1" chpasswd && chroot "$1" passwd --expire root >/dev/null' \
    --customize-hook='chroot "$1" systemctl enable systemd-networkd relais-db-init.service relais.service >/dev/null 2>&1' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
    bookworm "$root.tmp" \
    "deb http://deb.debian.org/debian bookworm main" \
    "deb http://deb.debian.org/debian bookworm-updates main" \
    "deb http://deb.debian.org/debian-security bookworm-security main"
mv "$root.tmp" "$root"
echo "$build_id" > "$target/vm-rootfs.id"
ms=$(( $(date +%s%N) / 1000000 - start ))
echo "vm_rootfs_seconds=$((ms / 1000)).$((ms % 1000 / 100))" >> "$figures"
echo "vm_rootfs_size=$(du -sh "$root" | cut -f1)" >> "$figures"
echo "build-vm-rootfs: $root ($(du -sh "$root" | cut -f1))"
