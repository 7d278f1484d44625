#!/usr/bin/env bash
# Makes the Overlay Lab desktop packages from the built app (app/target/dist):
#   app/target/installer/overlay-lab/            self-contained app image (bin/overlay-lab, its own Java runtime)
#   app/target/installer/overlay-lab_*.deb       Debian package (needs fakeroot and dpkg-deb)
# On Windows/macOS the same jpackage call with --type msi / dmg makes their installers (not scripted here).
#
# Usage: installer/build-packages.sh [app-image|deb|all]   (default: all)
# Build the app first:  mvn -B -q package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
dist="$root/app/target/dist"
out="$root/app/target/installer"
what="${1:-all}"

# shellcheck source=installer/jpackage.conf
source "$here/jpackage.conf"

die() { echo "build-packages: $*" >&2; exit 2; }
[[ -f "$dist/overlay-lab.jar" ]] || die "no app build in $dist; build it once with: mvn -B -q package -DskipTests"
command -v jpackage >/dev/null || die "jpackage not found: it comes with a full JDK 17 (Debian: openjdk-17-jdk)"

mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# jpackage wants a PNG icon on Linux; make it from the SVG logo when ImageMagick can (else jpackage's default).
icon_args=()
if command -v convert >/dev/null && convert -background none -density 384 "$root/assets/logo.svg" -resize 256x256 "$work/overlay-lab.png" 2>/dev/null; then
  icon_args=(--icon "$work/overlay-lab.png")
fi

common=(
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION"
  --input "$dist" --main-jar overlay-lab.jar --main-class dev.overlaylab.app.Main
  --add-modules "$JAVA_MODULES" --jlink-options "--strip-debug --no-header-files --no-man-pages"
  --java-options "$JAVA_OPTIONS" "${icon_args[@]}"
)

# The .deb is made from the app image, so both get the same runtime (with its CDS archive).
image="$out/$APP_NAME"
if [[ "$what" == app-image || "$what" == all || ! -x "$image/bin/$APP_NAME" ]]; then
  rm -rf "${image:?}"
  jpackage --type app-image --dest "$out" "${common[@]}"
  # Start-up: jlink leaves out the JDK's class-data-sharing archive; make it for this runtime
  # (JDK classes only, so it stays valid wherever the image is installed).
  "$image/lib/runtime/bin/java" -Xshare:dump -Xlog:cds=off -Xlog:cds+map=off >/dev/null 2>&1 \
    || echo "build-packages: could not make the runtime's CDS archive (start-up will be slower)" >&2
  echo "app image: $image  (bin/$APP_NAME opens the app; bin/$APP_NAME COMMAND is the olab command line)"
fi

if [[ "$what" == deb || "$what" == all ]]; then
  if ! command -v fakeroot >/dev/null || ! command -v dpkg-deb >/dev/null; then
    die "a .deb needs fakeroot and dpkg-deb (Debian: apt-get install fakeroot dpkg-dev)"
  fi
  rm -f "$out"/*.deb
  jpackage --type deb --dest "$out" --app-image "$image" \
    --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION" \
    --linux-package-name "$DEB_NAME" --linux-app-category "$DEB_SECTION" --linux-menu-group "$DEB_MENU_GROUP" \
    --linux-shortcut --install-dir /opt "${icon_args[@]}"
  ls -1 "$out"/*.deb
fi
