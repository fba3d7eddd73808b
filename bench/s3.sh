#!/usr/bin/env bash
# Benchmarks the S3 paths against S3Proxy (filesystem back end) on loopback: a 512 MB upload (in
# parallel 8 MB parts) and download through costwise's S3Storage, with the JVM held to a 64 MB heap
# to show transfers are streamed; and `train` on WDBC from S3 against the same job on local files.
# Loopback and one local disk, so the figures bound costwise's own overhead, not S3's speed.
# Usage: bench/s3.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source container/s3proxy.sh
RUNS=${1:-3}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
[ -f target/costwise.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
trap 'kill ${S3PROXY_PID:-} 2>/dev/null; rm -rf "$work"' EXIT
start_s3proxy "$work/store" "$port" bench bench-secret
mkdir -p "$work/store/bench"   # a folder in the store's root is a bucket
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_EC2_METADATA_DISABLED=true
load=$(machine)
transfer() { /usr/bin/time -f "%M" -o "$work/rss" java -Xmx64m -cp "target/classes:target/lib/*" bench/S3Transfer.java "$endpoint" "$@" 2>/dev/null | tail -1; }

size_mb=512
head -c $((size_mb << 20)) /dev/urandom > "$work/big.bin"
up=(); down=(); up_rss=(); down_rss=()
for i in $(seq "$RUNS"); do
  up+=("$(transfer upload "$work/big.bin" s3://bench/big/big.bin)"); up_rss+=("$(cat "$work/rss")")
  down+=("$(transfer download s3://bench/big/big.bin "$work/back.bin")"); down_rss+=("$(cat "$work/rss")")
  cmp -s "$work/big.bin" "$work/back.bin" || { echo "the downloaded file differs" >&2; exit 1; }
done
up_s=$(printf '%s\n' "${up[@]}" | median); down_s=$(printf '%s\n' "${down[@]}" | median)
up_mbs=$(awk -v s="$up_s" -v m="$size_mb" 'BEGIN { printf "%.0f", m / s }')
down_mbs=$(awk -v s="$down_s" -v m="$size_mb" 'BEGIN { printf "%.0f", m / s }')
up_rss_mb=$(( $(printf '%s\n' "${up_rss[@]}" | median | cut -d. -f1) / 1024 ))
down_rss_mb=$(( $(printf '%s\n' "${down_rss[@]}" | median | cut -d. -f1) / 1024 ))
echo "upload ${size_mb} MB: ${up_s} s (${up_mbs} MB/s; runs ${up[*]}), peak RSS ${up_rss_mb} MB with -Xmx64m"
echo "download ${size_mb} MB: ${down_s} s (${down_mbs} MB/s; runs ${down[*]}), peak RSS ${down_rss_mb} MB with -Xmx64m"

# train on WDBC: from S3 (stage, train, upload) against the same job on local files.
mkdir -p "$work/store/bench/wdbc"
cp -r container/local_test/opt_ml/input/data/. "$work/store/bench/wdbc/"
s3_wall=(); local_wall=()
for i in $(seq "$RUNS"); do
  rm -rf "$work/job"
  /usr/bin/time -f "%e" -o "$work/time" java -jar target/costwise.jar train --base-dir "$work/job" \
    --s3-train s3://bench/wdbc/train/ --s3-validation s3://bench/wdbc/validation/ --s3-output s3://bench/jobs/ \
    --hyperparameters container/local_test/opt_ml/input/config/hyperparameters.json \
    --s3-endpoint "$endpoint" --s3-path-style > /dev/null 2>&1
  s3_wall+=("$(cat "$work/time")")
  rm -rf "$work/local"; mkdir -p "$work/local"; cp -r container/local_test/opt_ml/input "$work/local/"
  /usr/bin/time -f "%e" -o "$work/time" java -jar target/costwise.jar train --base-dir "$work/local" > /dev/null 2>&1
  local_wall+=("$(cat "$work/time")")
done
s3_s=$(printf '%s\n' "${s3_wall[@]}" | median); local_s=$(printf '%s\n' "${local_wall[@]}" | median)
echo "train WDBC from S3: ${s3_s} s (runs ${s3_wall[*]}); from local files: ${local_s} s (runs ${local_wall[*]})"

replace_section docs/performance.md s3 <<MD
### S3 transfers and S3 jobs (bench/s3.sh)

S3Proxy ${size_mb} MB file, filesystem back end, on loopback; medians of ${RUNS}. Machine: ${load}.
These bound costwise's own overhead (loopback, one local disk), not the speed of S3.

| measurement | median | runs |
|---|---|---|
| upload ${size_mb} MB (8 MB parts in parallel), JVM with \`-Xmx64m\` | ${up_s} s = ${up_mbs} MB/s, peak RSS ${up_rss_mb} MB | ${up[*]} |
| download ${size_mb} MB (one streamed GET), JVM with \`-Xmx64m\` | ${down_s} s = ${down_mbs} MB/s, peak RSS ${down_rss_mb} MB | ${down[*]} |
| \`train\` WDBC from S3 (stage, train, upload model.tar.gz + output.tar.gz) | ${s3_s} s | ${s3_wall[*]} |
| \`train\` WDBC on local files, same job | ${local_s} s | ${local_wall[*]} |

A ${size_mb} MB object moves through a 64 MB heap: transfers are streamed, never held in memory.
MD
