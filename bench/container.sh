#!/usr/bin/env bash
# Measures the image built by container/test_image.sh (costwise:ci in podman): its size compressed
# and unpacked, `serve` cold start (container start to first 200 on /ping), and `train` on the
# sample tree with ND4J's native libraries extracted at start (the image as shipped) versus
# already extracted (a pre-populated cache mounted where the image would carry it). Writes the
# figures into docs/performance.md. Usage: bench/container.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RUNS=${1:-5}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$(mktemp)}
[ -s "$CONTAINERS_CONF" ] || printf '[containers]\ndefault_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]\n[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n' > "$CONTAINERS_CONF"
podman image exists costwise:ci || { echo "run container/test_image.sh first" >&2; exit 1; }
[ -f target/jib-image.tar ] || { echo "target/jib-image.tar is missing: run container/test_image.sh" >&2; exit 1; }

work=$(mktemp -d)
trap 'podman rm -f costwise-bench >/dev/null 2>&1; rm -rf "$work"' EXIT
load=$(machine)

unpacked_mb=$(( $(podman image inspect --format '{{.Size}}' costwise:ci) / 1048576 ))
compressed_mb=$(( $(stat -c %s target/jib-image.tar) / 1048576 ))

# serve cold start
mkdir -p "$work/tree"
cp -r container/local_test/opt_ml/input "$work/tree/"
podman run --rm -v "$work/tree:/opt/ml" costwise:ci train >/dev/null 2>&1
starts=()
for _ in $(seq "$RUNS"); do
  t0=$(date +%s%N)
  podman run -d --name costwise-bench -p 127.0.0.1:18082:8080 -v "$work/tree/model:/opt/ml/model:ro" costwise:ci serve >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18082/ping || true)" = 200 ]; do sleep 0.01; done
  starts+=("$(( ($(date +%s%N) - t0) / 1000000 ))")
  podman rm -f costwise-bench >/dev/null
done
serve_ms=$(printf '%s\n' "${starts[@]}" | median)

# train: natives extracted at each start vs pre-extracted
train_run() {
  rm -rf "$work/tree/model" "$work/tree/output"
  local t0
  t0=$(date +%s%N)
  podman run --rm -v "$work/tree:/opt/ml" "$@" costwise:ci train >/dev/null 2>&1
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
cold=(); warm=()
mkdir -p "$work/cache"
train_run -v "$work/cache:/tmp/costwise-javacpp" >/dev/null   # fills the cache once
for _ in $(seq "$RUNS"); do
  cold+=("$(train_run)")
  warm+=("$(train_run -v "$work/cache:/tmp/costwise-javacpp")")
done
cold_ms=$(printf '%s\n' "${cold[@]}" | median)
warm_ms=$(printf '%s\n' "${warm[@]}" | median)
cache_mb=$(( $(du -sb "$work/cache" | cut -f1) / 1048576 ))
cache_gz_mb=$(( $(tar -C "$work/cache" -cf - . | gzip -1 | wc -c) / 1048576 ))

echo "image: ${compressed_mb} MB compressed (Jib tar), ${unpacked_mb} MB unpacked"
echo "serve cold start: ${serve_ms} ms (runs: ${starts[*]})"
echo "train, natives extracted at start: ${cold_ms} ms (runs: ${cold[*]}); pre-extracted: ${warm_ms} ms (runs: ${warm[*]}); cache ${cache_mb} MB (${cache_gz_mb} MB gzip)"

replace_section docs/performance.md bench/container.sh <<MD
### Container image (\`bench/container.sh\`, $(date -u +%Y-%m-%d))

Machine: $load. Rootful podman with runc; the image built by \`container/test_image.sh\` on the
local Debian 12 + OpenJDK 17 JRE base. Medians of $RUNS runs.

| | as shipped (natives extracted at start) | with natives pre-extracted in the image |
|---|---|---|
| image, compressed (Jib tar) | ${compressed_mb} MB | ${compressed_mb} + ${cache_gz_mb} MB |
| image, unpacked | ${unpacked_mb} MB | ${unpacked_mb} + ${cache_mb} MB |
| \`serve\` cold start, container start → first 200 on /ping | **${serve_ms} ms** (runs: ${starts[*]}) | the same: \`serve\` loads no native libraries |
| \`train\` on the sample tree, container start → exit | ${cold_ms} ms (runs: ${cold[*]}) | ${warm_ms} ms (runs: ${warm[*]}) |

Pre-extracting would save $(( cold_ms - warm_ms )) ms per training job, at the cost of
${cache_gz_mb} MB more to pull for every job and endpoint (\`serve\` never loads the natives). The
decision and its reason are in [container.md](container.md).
MD
echo "wrote docs/performance.md"
