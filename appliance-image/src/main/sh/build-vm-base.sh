#!/bin/bash
# The VM appliance's Debian part, without Relais: systemd, PostgreSQL 15, the JRE (and with
# RELAIS_VM_KERNEL=1 a kernel). Kept in target/appliance-build/ and rebuilt only when this recipe
# changes, so that a changed image costs a copy instead of a bootstrap. build-image.sh starts it in
# the background while buildah works; build-vm-rootfs.sh then waits for it (same lock).
# Needs root and mmdebstrap. Usage: build-vm-base.sh <target dir>; prints the base folder.
set -euo pipefail
target=$(realpath "$1")
work=$target/appliance-build
kernel=${RELAIS_VM_KERNEL:-0}
base=$work/vm-base-$kernel
mkdir -p "$work"

bootstrap() {
    local packages=systemd-sysv,dbus,udev,postgresql-15,postgresql-client-15,openjdk-17-jre-headless,ca-certificates,tzdata,iproute2,procps,less,curl
    if [ "$1" = 1 ]; then packages=$packages,linux-image-cloud-amd64; fi
    mmdebstrap --quiet --variant=minbase --include="$packages" --aptopt='Acquire::Languages "none"' \
        --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
        --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-include=/usr/share/man/man1' \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
        --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
        bookworm "$2" \
        "deb http://deb.debian.org/debian bookworm main" \
        "deb http://deb.debian.org/debian bookworm-updates main" \
        "deb http://deb.debian.org/debian-security bookworm-security main"
}

exec 9> "$work/vm-base-$kernel.lock"
flock 9
recipe=$( { declare -f bootstrap; echo "$kernel"; } | sha256sum | cut -d' ' -f1)
if [ -d "$base" ] && [ "$(cat "$base.id" 2>/dev/null)" = "$recipe" ]; then
    echo "$base"
    exit 0
fi
rm -rf "$base" "$base.tmp" "$base.id"
start=$(( $(date +%s%N) / 1000000 ))
bootstrap "$kernel" "$base.tmp" >&2
mv "$base.tmp" "$base"
echo "$recipe" > "$base.id"
ms=$(( $(date +%s%N) / 1000000 - start ))
echo "build-vm-base: $base built in $((ms / 1000)).$((ms % 1000 / 100)) s" >&2
echo "$base"
