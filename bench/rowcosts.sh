#!/usr/bin/env bash
# Benchmarks the two speed targets of per-row costs. Both sides are costwise (no peer), so each
# repetition runs the two sides back to back, in the opposite order every other repetition, and
# noise on this shared machine hits both alike.
#
#   a. Training speed: ROWS x 30 synthetic CSV (bench/SyntheticCsv.java) with a header (label,
#      f1..f30, C_FP, C_FN) and two cost columns, C_FP = 1 and C_FN from 10 to 30 varying per row
#      (mean 20); batch 32, sgd, learning rate 0.01, 3 epochs; value_tp = value_tn = 0 (the outcomes
#      without a column: C_FN must be at least the true-positive cost). Both sides read the same
#      cost columns:
#        fixed    loss_function_type=custom fn_cost=20 fp_cost=1 (the columns are used for the
#                 evaluation only; the loss has no row weights)
#        per-row  loss_function_type=expected_cost (each row weighted by its own costs)
#      Epoch speed from the trainer's own timing of epochs 2..3 ("epoch N/E: ... (M ms)"; epoch 1
#      includes the JIT's warm-up), the fastest epoch (the one least disturbed by other processes),
#      whole-process wall, CPU time (user + sys) and peak RSS (GNU time).
#      Target: per-row costs cost no more than 10 % training speed, per-row / fixed >= 0.90.
#   b. Endpoint: a model trained on the bundled bankmarketing.csv with its four cost columns
#      (C_FP, C_FN, C_TP, C_TN; value_unit EUR, 2 epochs), served by `costwise serve`; single-row
#      CSV requests/s with bench/serve.sh's settings (wrk, 2 threads, 16 connections, SECONDS_PER_RUN
#      per run after a 5 s warm-up of each request), alternating
#        today    the 32 features of one row, no header
#        costs    a header (the 32 feature names, C_FP, C_FN, C_TP, C_TN) and that row with its
#                 four costs (decided by its own Bayes minimum-risk threshold; checked before)
#      Target: with per-row costs in the request, >= 90 % of today's requests/s.
#
# Prints the figures and writes them into the bench/rowcosts.sh section of docs/performance.md.
#
# Usage: bench/rowcosts.sh   Environment (defaults in brackets):
#   TRAIN_RUNS [8]        repetitions of a (each: one fixed and one per-row `train` process)
#   SERVE_RUNS [5]        repetitions of b (each: one wrk run of each request)
#   SECONDS_PER_RUN [15]  length of one wrk run
#   ROWS [1000000]        rows of the synthetic CSV; try ROWS=20000 while developing
#   PORT [18090]          the server's port (bench/serve.sh uses 18080, so both can coexist)
#   WRITE_DOCS [1]        0 leaves docs/performance.md alone
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh disable=SC1091 # followed with shellcheck -x from the repository root
source bench/lib.sh

TRAIN_RUNS=${TRAIN_RUNS:-8}
SERVE_RUNS=${SERVE_RUNS:-5}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
ROWS=${ROWS:-1000000}
PORT=${PORT:-18090}
WRITE_DOCS=${WRITE_DOCS:-1}
FEATURES=30
BANK=src/main/resources/datasets/bankmarketing.csv

ensure_time
command -v wrk >/dev/null || apt_install wrk
ensure_jar

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already in use; stop whatever listens there first, or set PORT" >&2
  exit 1
fi

work=$(mktemp -d)
server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

# --- helpers ---------------------------------------------------------------------------------

# hyperparameters KEY=VALUE...: a hyperparameters.json, every value a string as SageMaker writes them.
hyperparameters() {
  local kv out=
  for kv in "$@"; do out+="${out:+,}\"${kv%%=*}\":\"${kv#*=}\""; done
  echo "{$out}"
}

# timed LOG COMMAND...: runs one whole process, stdout and stderr to LOG, under GNU time. Sets rc
# (its exit code; never fails the script), wall (s), cpu (user + sys, s) and rss (peak resident
# set, MB).
timed() {
  local log=$1 kb user sys; shift
  if /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >"$log" 2>&1; then rc=0; else rc=$?; fi
  # On failure GNU time writes "Command exited with non-zero status N" first: the figures are last.
  read -r wall kb user sys < <(tail -n 1 "$work/time")
  rss=$((kb / 1024))
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
}

# train_or_die DIR LOG: one whole `costwise train --base-dir DIR`; stops the script if it fails.
train_or_die() {
  local dir=$1 log=$2
  rm -rf "$dir/model" "$dir/output"
  timed "$log" java -jar target/costwise.jar train --base-dir "$dir"
  if [ "$rc" != 0 ]; then
    tail -n 5 "$log" >&2
    echo "costwise train failed (exit $rc) on $dir: $(head -n 1 "$dir/output/failure" 2>/dev/null || true)" >&2
    exit 1
  fi
}

# The trainer's own timing of each epoch, in ms, one a line: from "epoch N/E: ... (M ms)".
epoch_ms() { sed -n 's/.* epoch [0-9]*\/[0-9]*: .*(\([0-9]*\) ms).*/\1/p' "$1"; }

# med N...: the median of the arguments. ratio A B: A / B to 3 significant digits.
# percent R: 0.934 -> 93.4 %. commas N: 1234567 -> 1,234,567. mean N...: their mean.
med() { printf '%s\n' "$@" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3g", a / b }'; }
percent() { awk -v r="$1" 'BEGIN { printf "%.1f %%", r * 100 }'; }
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.1f", s / NR }'; }
commas() {
  awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); r = ""
    while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
    print s r }'
}
# met VALUE TARGET: yes when VALUE >= TARGET, else **no**. said: yes -> met, **no** -> not met.
met() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 >= t + 0) ? "yes" : "**no**" }'; }
said() { if [ "$1" = yes ]; then echo met; else echo "not met"; fi; }
# noise RATIO...: a clause for the verdict when the per-repetition ratios fall on both sides of 0.90
# (the verdict then rests on the medians, and this load's noise is as large as the effect).
noise() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (v[1] < 0.9 && v[NR] >= 0.9)
      printf ", but the repetitions, each side run back to back, gave ratios from %s to %s, on both sides of 0.90, so at this load the verdict is within the noise", v[1], v[NR] }'
}

# One-minute load average: noted at the start of each part, since the machine is shared.
load1() { cut -d' ' -f1 /proc/loadavg; }

machine_line=$(machine)
echo "machine: $machine_line"
echo "TRAIN_RUNS=$TRAIN_RUNS SERVE_RUNS=$SERVE_RUNS SECONDS_PER_RUN=$SECONDS_PER_RUN ROWS=$ROWS PORT=$PORT"
loads=()

# --- a. training speed, fixed vs per-row costs ----------------------------------------------------
loads+=("a $(load1)")
syn=$work/syn
mkdir -p "$syn/input/config" "$syn/input/data/train"
echo "writing $ROWS x $FEATURES synthetic rows with a header and C_FP, C_FN"
java bench/SyntheticCsv.java "$work/raw.csv" "$ROWS" "$FEATURES"
# C_FN = 10.00 .. 30.00, spread over the rows by a multiplicative step (deterministic, any awk).
awk -F, -v OFS=, -v n="$FEATURES" '
  NR == 1 { h = "label"; for (i = 1; i <= n; i++) h = h ",f" i; print h, "C_FP", "C_FN" }
  { print $0, 1, 10 + (NR * 7919) % 2001 / 100 }' "$work/raw.csv" >"$syn/input/data/train/data.csv"
rm -f "$work/raw.csv"
rows_label=$(commas "$ROWS")

shared=(epochs=3 batch_size=32 optimizer=sgd learning_rate=0.01 value_tp=0 value_tn=0
  cost_fp_column=C_FP cost_fn_column=C_FN)
fixed_hp=$(hyperparameters loss_function_type=custom fn_cost=20 fp_cost=1 "${shared[@]}")
perrow_hp=$(hyperparameters loss_function_type=expected_cost "${shared[@]}")

f_ms=(); p_ms=(); f_wall=(); p_wall=(); f_cpu=(); p_cpu=(); f_rss=(); p_rss=(); pairs=()
# train_side fixed|perrow: one run; appends its epochs 2.. to f_ms or p_ms, and its wall and RSS.
train_side() {
  local side=$1 epochs
  if [ "$side" = fixed ]; then echo "$fixed_hp"; else echo "$perrow_hp"; fi >"$syn/input/config/hyperparameters.json"
  train_or_die "$syn" "$work/$side.log"
  grep -q 'per-row costs' "$work/$side.log" \
    || { echo "the $side run did not read the cost columns (no 'per-row costs' in its log)" >&2; exit 1; }
  mapfile -t epochs < <(epoch_ms "$work/$side.log" | tail -n +2)
  [ "${#epochs[@]}" -gt 0 ] || { echo "no epoch timings after epoch 1 in the $side log" >&2; exit 1; }
  if [ "$side" = fixed ]; then
    f_ms+=("${epochs[@]}"); f_wall+=("$wall"); f_cpu+=("$cpu"); f_rss+=("$rss"); f_mean=$(mean "${epochs[@]}")
  else
    p_ms+=("${epochs[@]}"); p_wall+=("$wall"); p_cpu+=("$cpu"); p_rss+=("$rss"); p_mean=$(mean "${epochs[@]}")
  fi
  echo "  $side: epochs 2.. ${epochs[*]} ms; whole process $wall s, CPU $cpu s, peak RSS $rss MB"
}
for i in $(seq "$TRAIN_RUNS"); do
  echo "a. repetition $i of $TRAIN_RUNS (load $(load1))"
  if [ $((i % 2)) = 1 ]; then train_side fixed; train_side perrow; else train_side perrow; train_side fixed; fi
  pairs+=("$(ratio "$f_mean" "$p_mean")") # this repetition's per-row / fixed epoch speed
done
fm=$(med "${f_ms[@]}"); pm=$(med "${p_ms[@]}")
f_speed=$(awk -v r="$ROWS" -v m="$fm" 'BEGIN { print r / (m / 1000) }')
p_speed=$(awk -v r="$ROWS" -v m="$pm" 'BEGIN { print r / (m / 1000) }')
speed_ratio=$(ratio "$fm" "$pm") # per-row speed / fixed speed = fixed ms / per-row ms
fw=$(med "${f_wall[@]}"); pw=$(med "${p_wall[@]}"); fr=$(med "${f_rss[@]}"); pr=$(med "${p_rss[@]}")
fc=$(med "${f_cpu[@]}"); pc=$(med "${p_cpu[@]}")
f_min=$(printf '%s\n' "${f_ms[@]}" | sort -g | head -n 1); p_min=$(printf '%s\n' "${p_ms[@]}" | sort -g | head -n 1)
train_met=$(met "$speed_ratio" 0.9)
train_noise=$(noise "${pairs[@]}")
echo "a. $rows_label x $FEATURES, batch 32, 3 epochs, median epoch (epochs 2-3 of $TRAIN_RUNS runs):"
echo "   fixed $fm ms = $(commas "$f_speed") rows/s (${f_ms[*]}); per-row $pm ms = $(commas "$p_speed") rows/s (${p_ms[*]})"
echo "   per-row / fixed epoch speed $speed_ratio ($(percent "$speed_ratio")); per repetition: ${pairs[*]}, median $(ratio "$(med "${pairs[@]}")" 1); target >= 0.90: $(said "$train_met")"
echo "   fastest epoch fixed $f_min ms, per-row $p_min ms: per-row / fixed speed $(ratio "$f_min" "$p_min")
   whole process fixed $fw s (${f_wall[*]}), per-row $pw s (${p_wall[*]}), per-row / fixed $(ratio "$pw" "$fw")
   CPU time fixed $fc s (${f_cpu[*]}), per-row $pc s (${p_cpu[*]}), per-row / fixed $(ratio "$pc" "$fc"); peak RSS fixed $fr MB, per-row $pr MB"
rm -rf "$syn"

# --- b. endpoint: single-row CSV without and with per-row costs -------------------------------------
loads+=("b $(load1)")
bank=$work/bank
mkdir -p "$bank/input/config" "$bank/input/data/train"
cp "$BANK" "$bank/input/data/train/"
hyperparameters cost_fp_column=C_FP cost_fn_column=C_FN cost_tp_column=C_TP cost_tn_column=C_TN \
  value_unit=EUR epochs=2 >"$bank/input/config/hyperparameters.json"
train_or_die "$bank" "$work/bank.log"
echo "b. trained the bank marketing model ($wall s)"

# The request bodies: bankmarketing.csv is label, the 32 features, C_FP, C_FN, C_TP, C_TN.
head -n 1 "$BANK" | cut -d, -f1,34-37 | grep -qx 'label,C_FP,C_FN,C_TP,C_TN' \
  || { echo "$BANK no longer has the layout label, 32 features, C_FP, C_FN, C_TP, C_TN" >&2; exit 1; }
sed -n 2p "$BANK" | cut -d, -f2-33 >"$work/today.csv"
{ head -n 1 "$BANK" | cut -d, -f2-37; sed -n 2p "$BANK" | cut -d, -f2-37; } >"$work/costs.csv"
for body in today costs; do
  cat >"$work/$body.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/csv"
local f = io.open("$work/$body.csv", "rb"); wrk.body = f:read("*a"); f:close()
LUA
done

SAGEMAKER_BIND_TO_PORT=$PORT java -jar target/costwise.jar serve --base-dir "$bank" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:$PORT/ping" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; echo "costwise serve stopped" >&2; exit 1; }
  sleep 0.05
done
curl -sf "http://127.0.0.1:$PORT/ping" >/dev/null || { cat "$work/serve.log" >&2; echo "costwise serve did not answer /ping" >&2; exit 1; }

# Both requests answer 200; the one with costs is decided by its own costs (the response says so).
for body in today costs; do
  curl -sf -D "$work/$body.headers" -o "$work/$body.out" -H 'Content-Type: text/csv' \
    --data-binary "@$work/$body.csv" "http://127.0.0.1:$PORT/invocations" \
    || { echo "the '$body' request failed" >&2; exit 1; }
  echo "   '$body' request -> $(tr -d '\r\n' <"$work/$body.out"); $(grep -i '^x-amzn-sagemaker-custom-attributes' "$work/$body.headers" | tr -d '\r')"
done
grep -qi 'rows_with_costs=bayes_risk' "$work/costs.headers" \
  || { echo "the request with costs was not decided by its own costs" >&2; exit 1; }

# wrk_run BODY SECONDS: one wrk run; sets rps and p99 (ms). Non-2xx responses stop the script.
wrk_run() {
  local out
  out=$(wrk -t2 -c16 -d"$2s" --latency -s "$work/$1.lua" "http://127.0.0.1:$PORT/invocations")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; echo "non-2xx responses to the '$1' request" >&2; exit 1; fi
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v = v * 1000 }; print v }' <<<"$out")
}
wrk_run today 5; wrk_run costs 5 # warm-up, each request

t_rps=(); c_rps=(); t_p99=(); c_p99=(); serve_pairs=()
serve_side() {
  wrk_run "$1" "$SECONDS_PER_RUN"
  if [ "$1" = today ]; then t_rps+=("$rps"); t_p99+=("$p99"); t_last=$rps; else c_rps+=("$rps"); c_p99+=("$p99"); c_last=$rps; fi
  echo "  $1: $rps requests/s, p99 $p99 ms"
}
for i in $(seq "$SERVE_RUNS"); do
  echo "b. repetition $i of $SERVE_RUNS (load $(load1))"
  if [ $((i % 2)) = 1 ]; then serve_side today; serve_side costs; else serve_side costs; serve_side today; fi
  serve_pairs+=("$(ratio "$c_last" "$t_last")")
done
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
tm=$(med "${t_rps[@]}"); cm=$(med "${c_rps[@]}"); tp=$(med "${t_p99[@]}"); cp=$(med "${c_p99[@]}")
serve_ratio=$(ratio "$cm" "$tm")
serve_met=$(met "$serve_ratio" 0.9)
serve_noise=$(noise "${serve_pairs[@]}")
echo "b. single-row CSV, 16 connections, median of $SERVE_RUNS x ${SECONDS_PER_RUN}s:"
echo "   today (features only) $tm requests/s, p99 $tp ms (${t_rps[*]})"
echo "   header + row with 4 costs $cm requests/s, p99 $cp ms (${c_rps[*]})"
echo "   costs / today $serve_ratio ($(percent "$serve_ratio")); per repetition: ${serve_pairs[*]}, median $(ratio "$(med "${serve_pairs[@]}")" 1); target >= 0.90: $(said "$serve_met")"
loads+=("end $(load1)")
echo "load average (1 min) at the start of each part: ${loads[*]}"

# --- docs/performance.md ------------------------------------------------------------------------
[ "$WRITE_DOCS" = 1 ] || exit 0
sizes="$rows_label × $FEATURES"
[ "$ROWS" = 1000000 ] || sizes="**reduced size** (the target is set for 1,000,000 rows): $rows_label × $FEATURES"
replace_section docs/performance.md bench/rowcosts.sh <<MD
### Per-row costs: training speed and endpoint throughput (\`bench/rowcosts.sh\`, $(date -u +%Y-%m-%d))

Machine: $machine_line. Load average (1 min) at the start of each part: ${loads[*]}.
Both sides are costwise; within each repetition they run back to back, in the opposite order every
other repetition, so the machine's noise hits both.

| figure | fixed costs / today's request | per-row costs | per-row / fixed | target | met? |
|---|---|---|---|---|---|
| a. $sizes, batch 32, sgd 0.01, 3 epochs: epoch speed (median of epochs 2–3 of $TRAIN_RUNS runs each) | $(commas "$f_speed") rows/s (epoch $fm ms; epochs: ${f_ms[*]} ms) | $(commas "$p_speed") rows/s (epoch $pm ms; epochs: ${p_ms[*]} ms) | **$speed_ratio** (per repetition: ${pairs[*]}) | ≥ 0.90 | $train_met |
| … fastest epoch (the one least disturbed by other processes; no target) | $(commas "$(awk -v r="$ROWS" -v m="$f_min" 'BEGIN { print r / (m / 1000) }')") rows/s ($f_min ms) | $(commas "$(awk -v r="$ROWS" -v m="$p_min" 'BEGIN { print r / (m / 1000) }')") rows/s ($p_min ms) | $(ratio "$f_min" "$p_min") | — | — |
| … whole \`train\` process wall (JVM start, CSV read, 3 epochs, evaluation report) | $fw s (runs: ${f_wall[*]}) | $pw s (runs: ${p_wall[*]}) | $(ratio "$pw" "$fw") (time ratio) | — | — |
| … whole process CPU time, user + sys (steadier than wall on a loaded machine) | $fc s (runs: ${f_cpu[*]}) | $pc s (runs: ${p_cpu[*]}) | $(ratio "$pc" "$fc") (time ratio) | — | — |
| … peak RSS | $fr MB (runs: ${f_rss[*]}) | $pr MB (runs: ${p_rss[*]}) | $(ratio "$pr" "$fr") | — | — |
| b. single-row CSV, 16 connections, bank marketing model: requests/s (median of $SERVE_RUNS runs of ${SECONDS_PER_RUN} s each) | $(commas "$tm") (p99 $tp ms; runs: ${t_rps[*]}) | $(commas "$cm") (p99 $cp ms; runs: ${c_rps[*]}) | **$serve_ratio** (per repetition: ${serve_pairs[*]}) | ≥ 0.90 | $serve_met |

a. A synthetic CSV with a header and two cost columns, \`C_FP\` = 1 and \`C_FN\` from 10 to 30
varying per row (mean 20), read by both sides (\`value_tp\` = \`value_tn\` = 0). Fixed:
\`loss_function_type=custom fn_cost=20 fp_cost=1\`, the columns used for the evaluation only and
the loss without row weights; per-row: \`loss_function_type=expected_cost\`, each row weighted by its
own costs. "Epoch" is the trainer's own timing (\`epoch N/E: … (M ms)\`); epoch 1, which includes
the JIT's warm-up, is left out. Rows/s = rows ÷ median epoch time; per-row / fixed is the ratio of
the speeds (the per-repetition figures compare each repetition's mean epoch). Whole-process wall,
CPU time and peak RSS are GNU time's \`%e\`, \`%U\` + \`%S\` and \`%M\`. The same comparison inside one
JVM, without the processes' start, read and report, is in [engine.md](engine.md#row-weights).
**Training target: $(said "$train_met").** Per-row costs should cost no more than 10 % of the training speed
against fixed costs; per-row training ran at $(percent "$speed_ratio") of the fixed-cost speed$train_noise.

b. The model trained on the bundled \`bankmarketing.csv\` with its four cost columns
(\`value_unit=EUR\`, 2 epochs), served by \`costwise serve\`; wrk with \`bench/serve.sh\`'s settings
(2 threads, 16 connections, client and server on the same cores, loopback), after a 5 s warm-up of
each request. Today's request is one row of the 32 features without a header; the one with costs
is a header (the 32 feature names, \`C_FP,C_FN,C_TP,C_TN\`) and that row with its four costs,
decided by its own minimum-risk threshold (\`rows_with_costs=bayes_risk\` in the response, checked).
**Endpoint target: $(said "$serve_met").** With per-row costs in the request the endpoint should keep
≥ 90 % of today's single-row requests/s; it kept $(percent "$serve_ratio")$serve_noise.
MD
echo "wrote docs/performance.md"
