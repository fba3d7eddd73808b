#!/usr/bin/env bash
# Builds a local base image (Debian 12 + OpenJDK 17 JRE + fontconfig/DejaVu for the report charts)
# as a docker-save tar that Jib accepts with -Djib.from.image=tar://PATH, for machines that cannot
# pull images (as in this project's CI). Needs root and debootstrap. Prints the tar's path.
# The tar is cached under ~/.cache/costwise/, keyed by this script's content.
# Usage: container/base/build-local-base.sh [OUTPUT.tar]
set -euo pipefail

recipe=$(sha256sum "$0" | cut -c1-16)
out=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/costwise/base-jre17-$recipe.tar}
if [ -s "$out" ]; then
  echo "$out"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "needs root (debootstrap)" >&2; exit 1; }

# The machine's own Debian mirror, not a hard-coded one.
mirror=$(grep -h -m1 '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
debootstrap --variant=minbase --include=openjdk-17-jre-headless,fontconfig,fonts-dejavu-core \
  bookworm "$rootfs" "$mirror" >&2
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*

mkdir -p "$work/image"
tar --numeric-owner --sort=name --mtime=@0 -C "$rootfs" -cf "$work/layer.tar" .
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -n -1 -c "$work/layer.tar" > "$work/image/layer.tar.gz"
java_home=$(dirname "$(dirname "$(readlink -f "$rootfs/usr/bin/java")")")
java_home=${java_home#"$rootfs"}
cat > "$work/image/config.json" <<JSON
{"architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:00Z",
 "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "debootstrap bookworm minbase + openjdk-17-jre-headless"}],
 "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "JAVA_HOME=$java_home"]},
 "rootfs": {"type": "layers", "diff_ids": ["sha256:$diff_id"]}}
JSON
echo '[{"Config": "config.json", "RepoTags": ["costwise-local-base:jre17"], "Layers": ["layer.tar.gz"]}]' \
  > "$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 -C "$work/image" -cf "$out.partial" manifest.json config.json layer.tar.gz
mv "$out.partial" "$out"
echo "$out"
