#!/bin/bash
# Boots the VM disk image (build-vm-disk.sh) under QEMU, as an operator's hypervisor would, and waits
# until Relais answers on the forwarded management port; prints the time it took. Without KVM (as on
# the build machines) QEMU emulates the CPU: single-threaded TCG and a Nehalem CPU are the settings
# under which the JVM runs reliably; expect ~10 minutes for a first boot (schema creation).
# The guest gets 2 GiB of memory: the appliance's sizing target. The disk must have been built with
# RELAIS_VM_HOSTNAME set (build-vm-disk.sh): an unconfigured appliance waits for its operator.
# Usage: boot-vm-qemu.sh <target dir> <version> [timeout seconds, default 1500]
set -euo pipefail
target=$(realpath "$1") version=$2 timeout=${3:-1500}
disk=$target/relais-vm-$version.qcow2
[ -f "$disk" ] || { echo "boot-vm-qemu: $disk missing: build it with -Pvm-disk" >&2; exit 1; }
command -v qemu-system-x86_64 >/dev/null || { echo "boot-vm-qemu: apt-get install qemu-system-x86" >&2; exit 1; }
run=$target/vm-qemu
rm -rf "$run" && mkdir -p "$run"
qemu-img create -q -f qcow2 -b "$disk" -F qcow2 "$run/run.qcow2"     # throwaway overlay
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
https=$(port) management=$(port)
accel="tcg,thread=single" cpu=Nehalem
if [ -w /dev/kvm ] && [ "${RELAIS_QEMU_KVM:-0}" = 1 ]; then accel=kvm cpu=host; fi
start=$(date +%s)
qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -m 2048 -smp 2 -nographic -no-reboot \
    -drive "file=$run/run.qcow2,if=virtio,format=qcow2,cache=unsafe" \
    -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$https-:8443,hostfwd=tcp:127.0.0.1:$management-:9000" \
    -device virtio-net-pci,netdev=n0 -serial "file:$run/console.log" -monitor none -display none &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT
echo "boot-vm-qemu: QEMU pid $qemu, console $run/console.log, https://127.0.0.1:$https, management $management"
while :; do
    if curl -skf "https://127.0.0.1:$management/health/ready" >/dev/null 2>&1 \
       && curl -skf "https://127.0.0.1:$https/realms/relais/.well-known/openid-configuration" >/dev/null 2>&1; then
        elapsed=$(( $(date +%s) - start ))
        echo "boot-vm-qemu: Relais ready ${elapsed}s after power-on ($accel, $cpu, 2 GiB)"
        echo "vm_qemu_first_boot_ready_seconds=$elapsed" >> "$target/appliance-figures.txt"
        grep -a -E 'MemAvailable|relais-start' "$run/console.log" | tail -3 || true
        exit 0
    fi
    if ! kill -0 $qemu 2>/dev/null || [ $(( $(date +%s) - start )) -gt "$timeout" ]; then
        echo "boot-vm-qemu: not ready after $(( $(date +%s) - start ))s; last console lines:" >&2
        tail -40 "$run/console.log" >&2
        exit 1
    fi
    sleep 5
done
