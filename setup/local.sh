#!/usr/bin/env bash
# What the local provider needs on this machine (Debian/Ubuntu), installed with consent:
#   Debian packages: systemd-nspawn (systemd-container), debootstrap (the nodes' image, once),
#   iproute2 and iptables (the lab's bridge and FORWARD rule), openssh-client (ssh-keygen);
#   flanneld v0.28.9 built from the Go module proxy into /var/cache/overlay-lab/flannel/ (the
#   binary examples/two-node-local.yaml points at; needs Go).
# Run it as:  sudo ./olab setup local [--yes]      (--yes: no question, for scripts and CI)
# Idempotent: what is there already is skipped. .ci/install-prereqs runs it for CI.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# how the person runs it: ./olab from a source checkout, olab from the installed package (which sets these)
as="${OLAB_SETUP_AS:-./olab}"
examples="${OLAB_EXAMPLES:-examples}"
yes=false
for a in "$@"; do
  case "$a" in
    --yes | -y) yes=true ;;
    -h | --help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "olab setup local: unknown option $a (only --yes)" >&2; exit 2 ;;
  esac
done

if [[ $(id -u) -ne 0 ]]; then
  echo "olab setup local: installs Debian packages, so it needs root: sudo $as setup local" >&2
  exit 2
fi
command -v apt-get >/dev/null || { echo "olab setup local: needs apt-get (Debian or Ubuntu); install systemd-container and debootstrap with your package manager" >&2; exit 2; }

packages=(systemd-container debootstrap iproute2 iptables openssh-client)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v go >/dev/null 2>&1 || export PATH="$PATH:/usr/local/go/bin"   # Go's usual place, often not on root's PATH
flanneld="${OLAB_FLANNEL_CACHE:-/var/cache/overlay-lab/flannel}/flanneld-v0.28.9"
need_flanneld=false
[[ -x "$flanneld" ]] || need_flanneld=true
if $need_flanneld && ! command -v go >/dev/null 2>&1; then
  # Debian 12's golang-go is older than flannel 0.28.9 needs (setup/flanneld/go.mod)
  echo "olab setup local: building flanneld needs Go $(sed -n 's/^go //p' "$here/flanneld/go.mod") or newer, and there is none on PATH or in /usr/local/go;" >&2
  echo "  install it from https://go.dev/dl/ into /usr/local/go, then run sudo $as setup local again" >&2
  exit 2
fi

if ((${#missing[@]} == 0)) && ! $need_flanneld; then
  echo "olab setup local: everything the local provider needs is here"
  exit 0
fi
echo "olab setup local will:"
((${#missing[@]})) && echo "  apt-get install ${missing[*]}"
$need_flanneld && echo "  build flanneld v0.28.9 from the Go module proxy into $flanneld (a few minutes, ~80 MB)"
if ! $yes; then
  read -r -p "Go ahead? [y/N] " answer || answer=
  [[ "$answer" == [yY]* ]] || { echo "olab setup local: nothing changed"; exit 1; }
fi

if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if $need_flanneld; then
  "$here/flanneld/build.sh"
fi
echo "olab setup local: done. Next: sudo $as up $examples/two-node-local.yaml"
