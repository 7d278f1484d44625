#!/usr/bin/env bash
# Builds a Debian sid chroot holding the real VirtualBox 7.2 (sid's contrib component), once, into
# the shared cache; a later run finds it and does nothing. Debian 12 has no VirtualBox package and
# these machines have no VT-x, so this VirtualBox runs every VBoxManage command that does not start a
# VM, and vboxwebsrv, without kernel modules. The wrapper next to this script runs it.
#
# Safety: a chroot is only ever deleted after /proc, /dev, /sys and /tmp bound into it are unmounted
# (checked with findmnt), never while they are bound.
set -euo pipefail
CACHE=${OLAB_VBOX_CHROOT:-/var/cache/overlay-lab/virtualbox/sid-chroot}
DONE="$CACHE/.olab-complete"
if [[ -f "$DONE" ]]; then
    echo "VirtualBox chroot already cached: $CACHE ($(cat "$DONE"))"
    exit 0
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The Debian mirror apt already uses on this machine (deb822 or one-line sources).
MIRROR=${OLAB_DEBIAN_MIRROR:-$(grep -rhoE '(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | grep -v security | head -n1 || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
command -v debootstrap >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }

unmount_all() {   # every mount below $1, deepest first
    local root=$1 m
    for m in $(findmnt -rn -o TARGET | grep -E "^$(realpath -m "$root")(/|$)" | sort -r); do
        umount -l "$m" 2>/dev/null || umount "$m"
    done
}
remove_chroot() {
    local root=$1
    [[ -d "$root" ]] || return 0
    unmount_all "$root"
    if findmnt -rn -o TARGET | grep -qE "^$(realpath -m "$root")(/|$)"; then
        echo "build-chroot: $root still has mounts; not deleting it" >&2
        return 1
    fi
    rm -rf --one-file-system "$root"
}

WORK="$CACHE.partial"
remove_chroot "$WORK"          # a half-built one from an interrupted run
mkdir -p "$(dirname "$CACHE")"
trap 'unmount_all "$WORK" || true' EXIT
echo "build-chroot: debootstrap sid from $MIRROR"
debootstrap --variant=minbase sid "$WORK" "$MIRROR" >/dev/null
echo "deb $MIRROR sid main contrib" > "$WORK/etc/apt/sources.list"
printf '#!/bin/sh\nexit 101\n' > "$WORK/usr/sbin/policy-rc.d"   # no service starts inside the chroot
chmod +x "$WORK/usr/sbin/policy-rc.d"
mount --bind /proc "$WORK/proc"
mount --bind /dev "$WORK/dev"
mount --bind /sys "$WORK/sys"
chroot "$WORK" apt-get -qq -o Acquire::Check-Valid-Until=false update
# virtualbox-source satisfies "virtualbox-dkms | virtualbox-source | virtualbox-modules" without
# apt choosing dkms, which would try to build kernel modules inside the chroot.
chroot "$WORK" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Acquire::Check-Valid-Until=false virtualbox virtualbox-source >/dev/null
chroot "$WORK" apt-get clean
version=$(chroot "$WORK" env LANG=C HOME=/root /usr/lib/virtualbox/VBoxManage --version 2>/dev/null | tail -n1)
# the virtualbox-ws tests run the web service of the same package (VBoxWsOnRealServerTest)
[[ -x "$WORK/usr/lib/virtualbox/vboxwebsrv" ]] || { echo "build-chroot: the virtualbox package has no vboxwebsrv" >&2; exit 1; }
unmount_all "$WORK"
trap - EXIT
echo "$version" > "$WORK/.olab-complete"
mv "$WORK" "$CACHE"
echo "build-chroot: VirtualBox $version in $CACHE"
