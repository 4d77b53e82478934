#!/bin/bash
# Turns the VM rootfs into a BIOS-bootable disk image, without loop devices or mounts (neither works
# reliably on the build machines): one ext4 partition filled with `mkfs.ext4 -d`, GRUB written with dd.
#   target/relais-vm-<version>.raw    (4 GiB, sparse)   and   target/relais-vm-<version>.qcow2
# Run by the Maven profile -Pvm-disk (./mvnw -B -pl appliance-image -am package -Pvm-disk -DskipTests);
# it rebuilds the rootfs with a kernel (RELAIS_VM_KERNEL=1). Needs grub-pc-bin, fdisk, e2fsprogs, qemu-utils.
# RELAIS_VM_HOSTNAME=<name> writes that hostname into the disk's relais.conf, so that Relais starts at
# first boot without an operator (the unattended QEMU check, or an image prepared for one site).
# Usage: build-vm-disk.sh <target dir> <version>
set -euo pipefail
target=$(realpath "$1") version=$2
RELAIS_VM_KERNEL=1 bash "$(dirname "$0")/build-vm-rootfs.sh" "$target" "$version"
root=$target/vm-rootfs
for tool in sfdisk mkfs.ext4 grub-mkimage qemu-img; do
    command -v "$tool" >/dev/null || { echo "build-vm-disk: $tool is missing (apt-get install grub-pc-bin fdisk e2fsprogs qemu-utils)" >&2; exit 1; }
done
[ -e "$root/vmlinuz" ] || { echo "build-vm-disk: $root has no kernel" >&2; exit 1; }
raw=$target/relais-vm-$version.raw
start=$(( $(date +%s%N) / 1000000 ))

# Files only the real machine needs (systemd-nspawn must not see an fstab for /), removed afterwards.
added=("$root/etc/fstab" "$root/boot/grub")
cp -p "$root/etc/relais/relais.conf" "$target/vm-relais.conf.orig"
trap 'rm -rf "${added[@]}"; mv "$target/vm-relais.conf.orig" "$root/etc/relais/relais.conf"' EXIT
if [ -n "${RELAIS_VM_HOSTNAME:-}" ]; then
    sed -i "s/^RELAIS_HOSTNAME=.*/RELAIS_HOSTNAME=$RELAIS_VM_HOSTNAME/" "$root/etc/relais/relais.conf"
fi
echo "LABEL=relais-root / ext4 defaults,errors=remount-ro 0 1" > "$root/etc/fstab"
mkdir -p "$root/boot/grub"
cp -r /usr/lib/grub/i386-pc "$root/boot/grub/"
cat > "$root/boot/grub/grub.cfg" <<'CFG'
set timeout=1
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
search --no-floppy --label relais-root --set root
linux /vmlinuz root=LABEL=relais-root ro console=tty0 console=ttyS0,115200 net.ifnames=0 systemd.journald.forward_to_console=1
initrd /initrd.img
boot
CFG

rm -f "$raw"
truncate -s 4G "$raw"
printf 'label: dos\nstart=2048, type=83, bootable\n' | sfdisk -q "$raw"
mkfs.ext4 -q -F -L relais-root -E offset=1048576 -d "$root" "$raw" 4095M
grub-mkimage -O i386-pc -o "$target/core.img" -p '(hd0,msdos1)/boot/grub' biosdisk part_msdos ext2 search_label serial
dd if=/usr/lib/grub/i386-pc/boot.img of="$raw" bs=440 count=1 conv=notrunc status=none
dd if="$target/core.img" of="$raw" bs=512 seek=1 conv=notrunc status=none
rm -f "$target/core.img"
qemu-img convert -O qcow2 "$raw" "$target/relais-vm-$version.qcow2"
ms=$(( $(date +%s%N) / 1000000 - start ))
{
    echo "vm_disk_seconds=$((ms / 1000)).$((ms % 1000 / 100))"
    echo "vm_qcow2_bytes=$(stat -c %s "$target/relais-vm-$version.qcow2")"
} >> "$target/appliance-figures.txt"
echo "build-vm-disk: $raw and $target/relais-vm-$version.qcow2 ($(du -h "$target/relais-vm-$version.qcow2" | cut -f1))"
