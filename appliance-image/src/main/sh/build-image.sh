#!/bin/bash
# Builds the Relais container image without a daemon and writes it as an OCI archive:
#   1. a minimal Debian 12 base with mmdebstrap, made into an OCI layout with umoci (what
#      docker.io/library/debian:bookworm-slim is elsewhere; that registry is not reachable here);
#   2. the project's Containerfile built on it with `buildah bud` (chroot isolation, host network for apt);
#   3. `buildah push` to target/relais-appliance-<version>.oci.tar.
# Needs root and the Debian packages mmdebstrap, umoci, buildah (and podman + runc for the smoke test).
# Without them it skips with a message, unless RELAIS_REQUIRE_APPLIANCE=1 (CI), where it fails.
# Usage: build-image.sh <target dir> <version>
set -euo pipefail
target=$(realpath "$1") version=$2
context=$target/image-context
work=$target/appliance-build
image=localhost/relais/appliance:$version
archive=$target/relais-appliance-$version.oci.tar
figures=$target/appliance-figures.txt
packages="mmdebstrap umoci buildah podman runc systemd-container unzip"

skip() {
    if [ "${RELAIS_REQUIRE_APPLIANCE:-0}" = 1 ]; then
        echo "build-image: ERROR: $* (RELAIS_REQUIRE_APPLIANCE=1). Install: apt-get install $packages" >&2
        exit 1
    fi
    echo "build-image: SKIPPED: $*. The container image is not built; to build it, run as root with: apt-get install $packages" >&2
    rm -f "$archive"
    exit 0
}

[ "$(id -u)" = 0 ] || skip "not root"
for tool in mmdebstrap umoci buildah; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done
[ -f "$context/Containerfile" ] || { echo "build-image: $context is not prepared" >&2; exit 1; }

# Private storage and configuration: nothing outside target/ is touched (see containers-env.sh).
. "$(dirname "$0")/containers-env.sh" "$target"

mkdir -p "$work"
rm -f "$figures.tmp"
# The VM's Debian base does not depend on the image: it is built meanwhile (build-vm-rootfs.sh waits
# for it and shows this log). Output to a file, so that Maven does not wait on its pipes.
bash "$(dirname "$0")/build-vm-base.sh" "$target" > /dev/null 2> "$work/vm-base.log" < /dev/null &
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
elapsed() { local ms=$(( $(now_ms) - $1 )); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }
start=$(now_ms)

# ---- 1. Debian base (cached in target/ until `mvn clean`)
base_tar=$work/debian-bookworm-base.tar
if [ ! -s "$base_tar" ]; then
    t=$(now_ms)
    mmdebstrap --quiet --variant=apt --format=tar --aptopt='Acquire::Languages "none"' \
        --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
        --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-include=/usr/share/man/man1' \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
        --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
        bookworm "$work/base.tmp.tar" \
        "deb http://deb.debian.org/debian bookworm main" \
        "deb http://deb.debian.org/debian bookworm-updates main" \
        "deb http://deb.debian.org/debian-security bookworm-security main"
    mv "$work/base.tmp.tar" "$base_tar"
    echo "base_rootfs_seconds=$(elapsed "$t")" >> "$figures.tmp"
fi
layout=$work/base-layout
# Kept as long as the tarball is: an unchanged base keeps buildah's layer cache (apt, JRE) valid.
if [ ! -f "$layout/index.json" ] || [ "$base_tar" -nt "$layout/index.json" ]; then
    rm -rf "$layout"
    umoci init --layout "$layout" >/dev/null
    umoci new --image "$layout:bookworm"
    umoci raw add-layer --image "$layout:bookworm" "$base_tar"
    umoci config --image "$layout:bookworm" --config.cmd /bin/bash \
        --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    umoci gc --layout "$layout"
fi

# ---- 2. the Containerfile, as Docker/Podman users build it
t=$(now_ms)
buildah bud --quiet --isolation chroot --network host --layers \
    --build-arg "BASE=oci:$layout:bookworm" \
    --tag "$image" --file "$context/Containerfile" "$context"
echo "buildah_bud_seconds=$(elapsed "$t")" >> "$figures.tmp"

# ---- 3. the OCI archive
rm -f "$archive"
buildah push --quiet --compression-format gzip "$image" "oci-archive:$archive:relais/appliance:$version"
# Drop the dangling layers of earlier builds; keep the cache of the current one.
buildah rmi --prune >/dev/null 2>&1 || true
{
    cat "$figures.tmp" 2>/dev/null || true
    echo "image_build_seconds=$(elapsed "$start")"
    echo "oci_archive_bytes=$(stat -c %s "$archive")"
    echo "image_size=$(buildah images --format '{{.Size}}' "$image" | head -1)"
} > "$figures"
echo "build-image: $archive ($(du -h "$archive" | cut -f1)), image $image"
cat "$figures"
