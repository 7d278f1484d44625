#!/usr/bin/env bash
# Makes the Overlay Lab desktop packages from the built app (app/target/dist) with the JDK's jpackage,
# for the platform it runs on (jpackage cannot cross-build):
#   app/target/installer/overlay-lab/            self-contained app image (its own Java runtime)
#   Linux:   app/target/installer/overlay-lab_*.deb   (needs fakeroot and dpkg-deb)
#   macOS:   app/target/installer/overlay-lab-*.dmg
#   Windows: app/target/installer/overlay-lab-*.msi   (needs the WiX 3 toolset on PATH)
# Platform settings sit beside this script: linux/, macos/, windows/ (see installer/README.md).
#
# Usage: installer/build-packages.sh [app-image|installer|all]   (default: all; "deb" = installer)
# Usually run through Maven:  mvn -B -Pinstaller package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
dist="$root/app/target/dist"
out="$root/app/target/installer"
what="${1:-all}"
[[ "$what" == deb ]] && what=installer

# shellcheck source=installer/jpackage.conf
source "$here/jpackage.conf"

die() { echo "build-packages: $*" >&2; exit 2; }
[[ -f "$dist/overlay-lab.jar" ]] || die "no app build in $dist; build it once with: mvn -B -q package -DskipTests"
command -v jpackage >/dev/null || die "jpackage not found: it comes with a full JDK 17 (Debian: openjdk-17-jdk)"

case "$(uname -s)" in
  Linux) platform=linux ;;
  Darwin) platform=macos ;;
  MINGW* | MSYS* | CYGWIN*) platform=windows ;;
  *) die "no installer for $(uname -s): jpackage makes .deb/.rpm on Linux, .dmg/.pkg on macOS, .msi/.exe on Windows" ;;
esac

mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The icon of each system, made from assets/logo.svg by installer/make-icons.py and committed, so no
# image tools are needed here: PNG on Linux (the menu entry), ICNS on macOS, ICO on Windows.
case "$platform" in
  linux) icon_args=(--icon "$here/linux/$APP_NAME.png") ;;
  macos) icon_args=(--icon "$here/macos/$APP_NAME.icns") ;;
  windows) icon_args=(--icon "$here/windows/$APP_NAME.ico") ;;
esac

# Only the jar and its libraries go in: app/target/dist also holds ./olab's class-data-sharing archive
# (overlay-lab.jsa, ~39 MB, tied to this checkout's paths) once ./olab has run, which jpackage's --input
# would otherwise copy into every package.
mkdir -p "$work/input"
cp "$dist/overlay-lab.jar" "$work/input/"
cp -r "$dist/lib" "$work/input/"
common=(
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION"
  --input "$work/input" --main-jar overlay-lab.jar --main-class dev.overlaylab.app.Main
  --add-modules "$JAVA_MODULES" --jlink-options "--strip-debug --no-header-files --no-man-pages"
  --java-options "$JAVA_OPTIONS" "${icon_args[@]}"
)
# The olab command line: Linux links /usr/bin/olab to the app's own launcher (linux/postinst); macOS
# and Windows get a second launcher, olab (a console program on Windows), in the same image.
case "$platform" in
  macos) common+=(--add-launcher "olab=$here/macos/olab.properties" --mac-package-identifier "$MAC_BUNDLE_ID") ;;
  windows) common+=(--add-launcher "olab=$here/windows/olab.properties") ;;
esac

# The installer is made from the app image, so both get the same runtime (with its CDS archive).
image="$out/$APP_NAME"
[[ "$platform" == macos ]] && image="$out/$APP_NAME.app"
launcher="$image/bin/$APP_NAME"
[[ "$platform" == macos ]] && launcher="$image/Contents/MacOS/$APP_NAME"
[[ "$platform" == windows ]] && launcher="$image/$APP_NAME.exe"
if [[ "$what" == app-image || "$what" == all || ! -e "$launcher" ]]; then
  rm -rf "${image:?}"
  jpackage --type app-image --dest "$out" "${common[@]}"
  # Start-up: jlink leaves out the JDK's class-data-sharing archive; make it for this runtime
  # (JDK classes only, so it stays valid wherever the image is installed).
  runtime_java="$image/lib/runtime/bin/java"
  [[ "$platform" == macos ]] && runtime_java="$image/Contents/runtime/Contents/Home/bin/java"
  [[ "$platform" == windows ]] && runtime_java="$image/runtime/bin/java.exe"
  "$runtime_java" -Xshare:dump -Xlog:cds=off -Xlog:cds+map=off >/dev/null 2>&1 \
    || echo "build-packages: could not make the runtime's CDS archive (start-up will be slower)" >&2
  echo "app image: $image  ($launcher opens the app; with a COMMAND it is the olab command line)"
fi

# Linux: what `olab setup local` runs (the script and the flanneld build module it builds with Go) and
# the example labs its last line points at, in the image's lib/ (/opt/overlay-lab/lib/{setup,examples}).
if [[ "$platform" == linux ]]; then
  rm -rf "$image/lib/setup" "$image/lib/examples"
  mkdir -p "$image/lib/setup" "$image/lib/examples"
  cp "$root/setup/local.sh" "$image/lib/setup/"
  cp -r "$root/setup/flanneld" "$image/lib/setup/"
  cp "$root"/examples/*.yaml "$image/lib/examples/"
fi

[[ "$what" == installer || "$what" == all ]] || exit 0
from_image=(--app-image "$image" --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$APP_VENDOR"
  --description "$APP_DESCRIPTION" "${icon_args[@]}")
case "$platform" in
  linux)
    if ! command -v fakeroot >/dev/null || ! command -v dpkg-deb >/dev/null; then
      die "a .deb needs fakeroot and dpkg-deb (Debian: apt-get install fakeroot dpkg-dev)"
    fi
    rm -f "$out"/*.deb
    # linux/: the desktop entry (opens a lab given as %f), postinst/prerm (/usr/bin/olab),
    # postrm (purge); lab-file.properties: the *.olab.yaml MIME type.
    jpackage --type deb --dest "$out" "${from_image[@]}" \
      --linux-package-name "$DEB_NAME" --linux-app-category "$DEB_SECTION" --linux-menu-group "$DEB_MENU_GROUP" \
      --linux-shortcut --install-dir /opt --resource-dir "$here/linux" \
      --file-associations "$here/linux/lab-file.properties"
    ls -1 "$out"/*.deb ;;
  macos)
    rm -f "$out"/*.dmg
    jpackage --type dmg --dest "$out" "${from_image[@]}" --file-associations "$here/macos/lab-file.properties"
    ls -1 "$out"/*.dmg ;;
  windows)
    command -v candle.exe >/dev/null || die "an .msi needs the WiX 3 toolset (candle.exe, light.exe) on PATH"
    rm -f "$out"/*.msi
    jpackage --type msi --dest "$out" "${from_image[@]}" --file-associations "$here/windows/lab-file.properties" \
      --win-menu --win-menu-group "$APP_VENDOR" --win-shortcut --win-dir-chooser --win-upgrade-uuid "$WIN_UPGRADE_UUID"
    ls -1 "$out"/*.msi ;;
esac
