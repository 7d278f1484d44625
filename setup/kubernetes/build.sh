#!/bin/sh
# Builds the six Kubernetes binaries the lab runs (kube-apiserver, kube-controller-manager,
# kube-scheduler, kubelet, kube-proxy, kubectl) into the shared cache, only when they are not there.
# Why a module of our own: Debian 12 packages no Kubernetes server binaries, and
# `go install k8s.io/kubernetes/cmd/kubelet@v1.37.2` fails on that module's replace directives
# (its staging modules point at ./staging). go.mod here replaces each staging module with its
# published v0.37.2. About 6 min on 2 cores, 2.6 GB peak memory; the Go build cache it leaves
# (~4 GB) can be deleted afterwards: `go clean -cache`.
set -eu
VERSION=v1.37.2
CACHE_DIR=${OLAB_KUBERNETES_CACHE:-/var/cache/overlay-lab/kubernetes}
OUT="$CACHE_DIR/$VERSION"
BINARIES="kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl"
if [ -f "$OUT/SHA256SUMS" ]; then
    echo "Kubernetes $VERSION already cached: $OUT"
    exit 0
fi
HERE=$(cd "$(dirname "$0")" && pwd)
PATH="$PATH:/usr/local/go/bin"
mkdir -p "$CACHE_DIR"
TMP="$OUT.partial.$$"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP"
cd "$HERE"
V=k8s.io/client-go/pkg/version
C=k8s.io/component-base/version
LDFLAGS="-s -w -X $C.gitVersion=$VERSION -X $C.gitMajor=1 -X $C.gitMinor=37 -X $V.gitVersion=$VERSION"
for b in $BINARIES; do
    echo "building $b $VERSION"
    CGO_ENABLED=0 go build -trimpath -ldflags "$LDFLAGS" -o "$TMP/$b" "k8s.io/kubernetes/cmd/$b"
done
"$TMP/kubectl" version --client
(cd "$TMP" && sha256sum $BINARIES > SHA256SUMS)
rm -rf "$OUT"
mv "$TMP" "$OUT"      # a half-built set is never left under the final name
trap - EXIT
echo "built $OUT"
