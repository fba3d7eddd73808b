#!/usr/bin/env bash
# Resident memory of `costwise serve` under batch transform's largest bodies: four concurrent 95 MB
# CSV bodies (SAGEMAKER_BATCH=true), with the JVM flags the container's entrypoint sets. Trains a
# model on synthetic data, starts target/costwise.jar, samples RSS every 0.2 s, prints start / peak
# / right after / 30 s later and writes them into docs/performance.md.
# Usage: bench/batch_memory.sh            (env: JAR=other.jar, FEATURES=200, BODY_MB=95,
#                                           COSTWISE_JAVA_OPTS=extra flags, WRITE_DOCS=0 to only print)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
JAR=${JAR:-target/costwise.jar}
FEATURES=${FEATURES:-200}
BODY_MB=${BODY_MB:-95}
CONCURRENT=4
[ "$JAR" != target/costwise.jar ] || ensure_jar
command -v curl >/dev/null || apt_install curl

work=$(mktemp -d)
port=18090
server_pid="" sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  [ -f "$work/serve.log" ] && tail -5 "$work/serve.log" >&2
  rm -rf "$work"
}
trap cleanup EXIT

# A real model: trained on synthetic rows of FEATURES features (a few epochs: only its shape
# matters here, scoring costs the same whatever the weights).
mkdir -p "$work/input/config" "$work/input/data/train" "$work/input/data/validation"
cp container/local_test/opt_ml/input/config/{inputdataconfig,resourceconfig}.json "$work/input/config/"
echo '{"epochs": "2", "seed": "42"}' > "$work/input/config/hyperparameters.json"
java bench/SyntheticCsv.java "$work/input/data/train/train.csv" 5000 "$FEATURES"
java bench/SyntheticCsv.java "$work/input/data/validation/validation.csv" 1000 "$FEATURES"
java -jar "$JAR" train --base-dir "$work" >"$work/train.log" 2>&1

# The body: synthetic rows without their label, cut to BODY_MB at a line end.
rows=$(( BODY_MB * 1024 * 1024 / (FEATURES * 6) + 1000 ))
java bench/SyntheticCsv.java "$work/rows.csv" "$rows" "$FEATURES"
# (head stops reading early, so cut ends on SIGPIPE: not an error here.)
{ cut -d, -f2- "$work/rows.csv" || true; } | head -c $(( BODY_MB * 1024 * 1024 )) | sed '$d' > "$work/body.csv"
rm "$work/rows.csv"
body_bytes=$(stat -c %s "$work/body.csv")
body_rows=$(wc -l < "$work/body.csv")

# The container's JVM flags: run its entrypoint with a `java` that prints its arguments (memory
# from the cgroup limit if there is one, else the machine's, as in a container).
mkdir -p "$work/bin"
printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > "$work/bin/java"
chmod +x "$work/bin/java"
mapfile -t flags < <(PATH="$work/bin:$PATH" sh src/main/jib/opt/costwise/bin/entrypoint.sh serve | sed '/^-cp$/,$d')

rss_mb() { echo $(( $(ps -o rss= -p "$server_pid") / 1024 )); }
# The default timeouts: the body timeout only runs while a read waits for the client, and the
# header timeout ends with the head, so a long batch body is not cut off (it was with the JDK
# server, whose request timeout lasted until the body was read).
SAGEMAKER_BATCH=true SAGEMAKER_BIND_TO_PORT=$port \
  java "${flags[@]}" -cp "$JAR" io.costwise.cli.CostwiseCommand serve --base-dir "$work" >"$work/serve.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/ping" >/dev/null 2>&1; do sleep 0.05; done
load=$(machine)
sleep 2
start=$(rss_mb)

( while true; do echo "$(date +%s.%N) $(ps -o rss= -p "$server_pid")"; sleep 0.2; done ) > "$work/rss" &
sampler_pid=$!
began=$(date +%s.%N)
clients=()
for i in $(seq "$CONCURRENT"); do
  curl -s -o "$work/out$i" -w '%{http_code}\n' -H 'Content-Type: text/csv' --data-binary "@$work/body.csv" \
    "http://127.0.0.1:$port/invocations" > "$work/status$i" &
  clients+=($!)
done
for pid in "${clients[@]}"; do wait "$pid" || true; done  # statuses are reported below
ended=$(date +%s.%N)
after=$(rss_mb)
sleep 30
later=$(rss_mb)
kill "$sampler_pid"; sampler_pid=""
peak=$(awk '{ if ($2 > m) m = $2 } END { printf "%d", m / 1024 }' "$work/rss")
statuses=$(cat "$work"/status* | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
answer_rows=$(cat "$work/out1" 2>/dev/null | wc -l)
answer_md5=$(md5sum "$work"/out[0-9]* 2>/dev/null | cut -c1-8 | sort -u | tr "\n" " ")
seconds=$(awk -v a="$began" -v b="$ended" 'BEGIN { printf "%.1f", b - a }')
jvm=$(printf '%s ' "${flags[@]}" | sed 's/ $//')

echo "$CONCURRENT × $body_bytes bytes ($body_rows rows × $FEATURES features): statuses $statuses; $answer_rows answer lines each (md5 $answer_md5); ${seconds} s"
echo "RSS: start $start MB, peak $peak MB, right after $after MB, 30 s later $later MB"
echo "JVM flags: $jvm"
echo "$load"

[ "${WRITE_DOCS:-1}" = 1 ] || exit 0
replace_section docs/performance.md bench/batch_memory.sh <<MD
### Batch memory (\`bench/batch_memory.sh\`, $(date -u +%Y-%m-%d))

Machine: $load. \`serve\` with \`SAGEMAKER_BATCH=true\` and the container entrypoint's JVM flags
(\`$jvm\`), on a model of $FEATURES features; $CONCURRENT concurrent \`curl\` uploads of the same
$body_bytes-byte CSV body ($body_rows rows) on loopback, default timeouts; resident memory sampled every 0.2 s. Before
and after streaming, and with other flags: [serving.md](serving.md), "Streaming bodies".

| start | peak | right after | 30 s later | answers | wall |
|---|---|---|---|---|---|
| $start MB | **$peak MB** | $after MB | **$later MB** | $statuses($answer_rows lines each) | ${seconds} s |

Target (issue 12): peak ≤ 600 MB, and under 300 MB afterwards.
MD
echo "wrote docs/performance.md"
