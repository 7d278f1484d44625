#!/bin/sh
# Builds flanneld v0.28.9 into the shared cache, only when it is not there yet.
# Why a module of our own instead of `go install github.com/flannel-io/flannel@v0.28.9`: one of
# flannel's dependencies (tencentcloud vpc v1.3.149) answers 403 on the Go module proxy, and
# `go install pkg@version` ignores replace directives. This module pins it to v1.0.900 (the
# tencent cloud backend is not used by the lab) and builds the same flannel main package.
set -eu
VERSION=v0.28.9
CACHE_DIR=${OLAB_FLANNEL_CACHE:-/var/cache/overlay-lab/flannel}
OUT="$CACHE_DIR/flanneld-$VERSION"
if [ -x "$OUT" ]; then
    echo "flanneld $VERSION already cached: $OUT"
    exit 0
fi
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$CACHE_DIR"
TMP="$OUT.partial.$$"
trap 'rm -f "$TMP"' EXIT
cd "$HERE"
CGO_ENABLED=1 go build -trimpath -o "$TMP" \
    -ldflags "-X github.com/flannel-io/flannel/pkg/version.Version=$VERSION" \
    github.com/flannel-io/flannel
"$TMP" --version
mv "$TMP" "$OUT"      # a half-written binary is never left under the final name
trap - EXIT
echo "built $OUT"
