#!/usr/bin/env bash
# Benchmarks `costwise train`: the bundled WDBC job (wall time, peak RSS) and one epoch over
# synthetic 1,000,000 x 30 data at batch 32 and 1,024 (rows/s, peak RSS). Prints the figures and
# writes them into docs/performance.md. Usage: bench/train.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RUNS=${1:-5}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
[ -f target/costwise.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load=$(machine)

# 1. WDBC: the shipped sample tree, whole process.
wall=(); rss=()
for i in $(seq "$RUNS"); do
  rm -rf "$work/wdbc"; mkdir -p "$work/wdbc"; cp -r container/local_test/opt_ml/input "$work/wdbc/"
  /usr/bin/time -f "%e %M" -o "$work/time" java -jar target/costwise.jar train --base-dir "$work/wdbc" >/dev/null
  read -r w m < "$work/time"; wall+=("$w"); rss+=("$m")
done
wdbc_wall=$(printf '%s\n' "${wall[@]}" | median)
wdbc_rss=$(( $(printf '%s\n' "${rss[@]}" | median | cut -d. -f1) / 1024 ))
echo "WDBC (426 rows, 50 epochs, batch 32, sgd): wall ${wdbc_wall} s (runs: ${wall[*]}), peak RSS ${wdbc_rss} MB"

# 2. Synthetic 1M x 30, one epoch.
mkdir -p "$work/big/input/data/train"
java bench/SyntheticCsv.java "$work/big/input/data/train/data.csv" 1000000 30
synthetic_rows=()
for batch in 32 1024; do
  epoch_ms=(); rss=(); total=()
  runs=$RUNS; [ "$batch" = 32 ] && runs=$(( RUNS < 3 ? RUNS : 3 ))
  for i in $(seq "$runs"); do
    rm -rf "$work/big/model" "$work/big/output"; mkdir -p "$work/big/input/config"
    echo "{\"epochs\": \"1\", \"batch_size\": \"$batch\"}" > "$work/big/input/config/hyperparameters.json"
    /usr/bin/time -f "%e %M" -o "$work/time" java -jar target/costwise.jar train --base-dir "$work/big" > "$work/log"
    read -r w m < "$work/time"; total+=("$w"); rss+=("$m")
    epoch_ms+=("$(sed -n 's/.*epoch 1\/1: .*(\([0-9]*\) ms).*/\1/p' "$work/log")")
  done
  ms=$(printf '%s\n' "${epoch_ms[@]}" | median)
  rows_per_s=$(awk -v ms="$ms" 'BEGIN { printf "%d", 1000000 / (ms / 1000) }')
  peak=$(( $(printf '%s\n' "${rss[@]}" | median | cut -d. -f1) / 1024 ))
  whole=$(printf '%s\n' "${total[@]}" | median)
  echo "1M x 30, batch $batch: epoch ${ms} ms -> ${rows_per_s} rows/s (runs: ${epoch_ms[*]} ms), whole process ${whole} s, peak RSS ${peak} MB"
  synthetic_rows+=("| 1,000,000 × 30, 1 epoch, batch $batch | $rows_per_s rows/s (epoch ${ms} ms, median of $runs) | whole process ${whole} s | $peak MB |")
done

replace_section docs/performance.md bench/train.sh <<MD
### Training (\`bench/train.sh\`, $(date -u +%Y-%m-%d))

Machine: $load. Default JVM settings (heap = 1/4 of RAM). Medians of $RUNS runs unless stated.

| workload | speed | time | peak RSS |
|---|---|---|---|
| WDBC sample tree: 426 rows, 50 epochs, batch 32, SGD (whole \`train\` process) | — | ${wdbc_wall} s (runs: ${wall[*]}) | ${wdbc_rss} MB |
$(printf '%s\n' "${synthetic_rows[@]}")

"Epoch" is the trainer's own timing of one pass: the gradient steps plus one forward pass over the
training set for the logged loss. The whole process adds JVM and ND4J start-up (~0.6 s) and reading
the 250 MB CSV.
MD
echo "wrote docs/performance.md"
