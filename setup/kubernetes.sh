#!/usr/bin/env bash
# Builds the Kubernetes binaries labs with a kubernetes: section run (kube-apiserver,
# kube-controller-manager, kube-scheduler, kubelet, kube-proxy, kubectl v1.37.2) into
# /var/cache/overlay-lab/kubernetes/v1.37.2/ with their SHA256SUMS (setup/kubernetes/build.sh).
# Needs Go (from https://go.dev/dl/ in /usr/local/go) and the Go module proxy; about 6 minutes on
# 2 cores, 2.6 GB of memory at its peak, and a Go build cache of ~4 GB you may delete afterwards
# (go clean -cache). The local provider copies the binaries from there onto its nodes.
# Run it as:  sudo ./olab setup kubernetes [--yes]      (--yes: no question, for scripts and CI)
# Idempotent: nothing is done when the binaries are already there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
yes=false
for a in "$@"; do
  case "$a" in
    --yes | -y) yes=true ;;
    -h | --help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "olab setup kubernetes: unknown option $a (only --yes)" >&2; exit 2 ;;
  esac
done
out="${OLAB_KUBERNETES_CACHE:-/var/cache/overlay-lab/kubernetes}/v1.37.2"
if [[ -f "$out/SHA256SUMS" ]]; then
  echo "olab setup kubernetes: the binaries are here already ($out)"
  exit 0
fi
if [[ $(id -u) -ne 0 && ! -w "$(dirname "$(dirname "$out")")" ]]; then
  echo "olab setup kubernetes: writes into $(dirname "$out"), so it needs root: sudo ./olab setup kubernetes" >&2
  exit 2
fi
command -v go >/dev/null 2>&1 || export PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null 2>&1; then
  echo "olab setup kubernetes: building Kubernetes needs Go $(sed -n 's/^go //p' "$here/kubernetes/go.mod") or newer, and there is none on PATH or in /usr/local/go;" >&2
  echo "  install it from https://go.dev/dl/ into /usr/local/go, then run sudo ./olab setup kubernetes again" >&2
  exit 2
fi
mem_kb=$(awk '/MemAvailable/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
if (( mem_kb > 0 && mem_kb < 2700000 )); then
  echo "olab setup kubernetes: warning: only $((mem_kb / 1024)) MB of memory are free; the build peaks at about 2.6 GB" >&2
fi
echo "olab setup kubernetes will build Kubernetes v1.37.2 from the Go module proxy into $out"
echo "  (about 6 minutes on 2 cores, 2.6 GB of memory, ~4 GB of Go build cache)"
if ! $yes; then
  read -r -p "Go ahead? [y/N] " answer || answer=
  [[ "$answer" == [yY]* ]] || { echo "olab setup kubernetes: nothing changed"; exit 1; }
fi
"$here/kubernetes/build.sh"
echo "olab setup kubernetes: done. Labs with a kubernetes: section can now come up on the local provider."
