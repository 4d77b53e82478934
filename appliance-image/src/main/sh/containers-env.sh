# Sourced: podman/buildah configuration private to this build (storage, run state, temp files under
# target/containers), with the settings this kind of host needs: runc (crun 1.8 rejects the hybrid
# cgroup layout), cgroupfs (no systemd as PID 1), ulimits below the hard limits (no CAP_SYS_RESOURCE),
# host networking only (no CNI network, no iptables rules, nothing to undo on the host).
# Usage: . containers-env.sh <target dir>
_relais_target=$(realpath "$1")
_relais_c=$_relais_target/containers
mkdir -p "$_relais_c/storage" "$_relais_c/run" "$_relais_c/tmp" "$_relais_c/libpod"
cat > "$_relais_c/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=10000:10000", "nproc=10000:10000"]
netns = "host"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$_relais_c/events.log"
tmp_dir = "$_relais_c/libpod"
CONF
cat > "$_relais_c/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$_relais_c/storage"
runroot = "$_relais_c/run"
CONF
export CONTAINERS_CONF=$_relais_c/containers.conf
export CONTAINERS_STORAGE_CONF=$_relais_c/storage.conf
export TMPDIR=$_relais_c/tmp
export BUILDAH_ISOLATION=chroot
unset _relais_target _relais_c
