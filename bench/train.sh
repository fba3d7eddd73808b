#!/usr/bin/env bash
# Benchmarks `costwise train` against a scikit-learn peer in the same run, so that the ratios hold
# even on a shared, noisy machine (absolute figures drift with the load; ratios much less). Runs
# alternate costwise / peer inside each repetition for the same reason.
#
#   a. WDBC: whole `costwise train` process on the shipped tree (its evaluation report included)
#      vs. a whole `bench/peer/logreg_wdbc.py` process (StandardScaler + LogisticRegression, pickled).
#   b. ROWS x 30 synthetic CSV, batch 32, cost loss (fn_cost 5, fp_cost 1), 3 epochs: epoch speed
#      (costwise's own per-epoch timing vs. scikit-learn's SGDClassifier.partial_fit per epoch,
#      bench/peer/sgd_epochs.py), whole process wall time, peak RSS.
#   c. the same data, batch 1024, 3 epochs: costwise's epoch speed.
#   d. the same data, hidden_layers "64,32", batch 256, 2 epochs: costwise's epoch speed (reported
#      as "not supported by this build" on a jar that rejects the hyperparameter).
#   e. BIG_ROWS x 30, 1 epoch, batch 1024, under `java -Xmx512m`: does it finish, wall, peak RSS.
#
# Prints the figures and writes a table of them (costwise, peer, ratio, target, met?) into the
# bench/train.sh section of docs/performance.md.
#
# Usage: bench/train.sh [RUNS]   Environment (defaults in brackets):
#   RUNS [3]            repetitions; every figure is a median over them (and over epochs)
#   ROWS [1000000]      rows of the synthetic CSV for b-d; try ROWS=20000 while developing
#   BIG_ROWS [5000000]  rows for e (~240 bytes a row on disk: 5M rows need ~1.3 GB under $TMPDIR)
#   BENCH_BIG [1]       0 skips e
#   COSTWISE_EXTRA_HP   JSON merged into every costwise job's hyperparameters, last, e.g.
#                       '{"engine":"dl4j"}' to measure the DL4J engine ("engine":"dl4j" works too)
#
# The peer is Debian's python3-sklearn and python3-pandas, run with /usr/bin/python3 (a pyenv
# python3 earlier on PATH would not see them); they are installed here if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RUNS=${RUNS:-${1:-3}}
ROWS=${ROWS:-1000000}
BIG_ROWS=${BIG_ROWS:-5000000}
BENCH_BIG=${BENCH_BIG:-1}
COSTWISE_EXTRA_HP=${COSTWISE_EXTRA_HP:-}
FEATURES=30
PY=/usr/bin/python3
WDBC=container/local_test/opt_ml

# The peer and GNU time come from Debian packages; install them if this machine lacks them.
ensure_peer() {
  ensure_time
  [ -x "$PY" ] && "$PY" -c 'import sklearn, pandas' 2>/dev/null && return
  echo "installing the scikit-learn peer (python3-sklearn python3-pandas)" >&2
  apt_install python3-sklearn python3-pandas
  "$PY" -c 'import sklearn, pandas'
}
ensure_peer
ensure_jar

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- helpers ---------------------------------------------------------------------------------

# Prints a hyperparameters.json: the JSON object $1 merged with COSTWISE_EXTRA_HP (which wins),
# every value as a string, as SageMaker writes them.
hyperparameters() {
  "$PY" - "$1" "$COSTWISE_EXTRA_HP" <<'PY'
import json, sys
hp = json.loads(sys.argv[1])
extra = sys.argv[2].strip()
if extra and not extra.startswith("{"):
    extra = "{" + extra + "}"
hp.update(json.loads(extra) if extra else {})
print(json.dumps({k: v if isinstance(v, str) else json.dumps(v) for k, v in hp.items()}))
PY
}
hyperparameters '{}' >/dev/null || { echo "COSTWISE_EXTRA_HP is not a JSON object: $COSTWISE_EXTRA_HP" >&2; exit 2; }

# timed LOG COMMAND...: runs one whole process, stdout and stderr to LOG, under GNU time. Sets
# rc (its exit code; never fails the script), wall (s) and rss (peak resident set, MB).
timed() {
  local log=$1 kb; shift
  if /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$log" 2>&1; then rc=0; else rc=$?; fi
  # On failure GNU time writes "Command exited with non-zero status N" first: the figures are last.
  read -r wall kb < <(tail -n 1 "$work/time")
  rss=$((kb / 1024))
}

# costwise_train JOB_DIR LOG [JVM option...]: one whole `costwise train` process on JOB_DIR.
costwise_train() {
  local dir=$1 log=$2; shift 2
  rm -rf "$dir/model" "$dir/output"
  timed "$log" java "$@" -jar target/costwise.jar train --base-dir "$dir"
}

# Why a costwise job failed, on one line: the failure file SageMaker would read, else the log's end.
failure() {
  local dir=$1 log=$2
  # Short, and without "|", which would split the Markdown table cell.
  { [ -s "$dir/output/failure" ] && head -n 1 "$dir/output/failure" || tail -n 1 "$log"; } \
    | tr '|' '/' | awk '{ print (length($0) > 120 ? substr($0, 1, 120) "…" : $0) }'
}

# The trainer's own timing of each epoch, in ms, one a line: from "epoch N/E: ... (M ms)".
epoch_ms() { sed -n 's/.* epoch [0-9]*\/[0-9]*: .*(\([0-9]*\) ms).*/\1/p' "$1"; }

# The trainer's CSV read time for the train channel, in ms ("Channel 'train': ... read in M ms").
read_ms() { sed -n "s/.*Channel 'train': .* read in \([0-9]*\) ms.*/\1/p" "$1" | head -n 1; }

# A field of the peer's JSON line (its last line starting with "{"); lists come out space-separated.
peer_field() {
  grep '^{' "$1" | tail -n 1 | "$PY" -c '
import json, sys
v = json.load(sys.stdin)[sys.argv[1]]
print(" ".join(str(x) for x in v) if isinstance(v, list) else v)' "$2"
}

# The median of the arguments, or n/a if there are none.
med() { if [ $# -eq 0 ]; then echo n/a; else printf '%s\n' "$@" | median; fi; }

# num EXPR: evaluates an awk expression of figures to a number (n/a if a figure is missing).
# ratio A B: A / B to 3 significant digits. commas N: 1234567 -> 1,234,567.
num() { case "$*" in *n/a*) echo n/a ;; *) awk "BEGIN { printf \"%.0f\", $* }" 2>/dev/null || echo n/a ;; esac; }
ratio() { case "$1 $2" in *n/a*) echo n/a ;; *) awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3g", a / b }' ;; esac; }
commas() {
  case "$1" in *n/a*) echo n/a ;; *) awk -v n="$1" 'BEGIN { s = sprintf("%d", n); r = ""
    while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
    print s r }' ;; esac
}

# met VALUE OP TARGET (OP is >= or <=): yes, **no**, or — when there is no figure.
met() {
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
    if (v !~ /^[0-9.]+$/) { print "—"; exit }
    ok = (op == ">=") ? (v + 0 >= t + 0) : (v + 0 <= t + 0); print ok ? "yes" : "**no**" }'
}

# One-minute load average: noted at the start of each part, since the machine is shared.
load1() { cut -d' ' -f1 /proc/loadavg; }

table=() # rows of the Markdown table: | figure | costwise | peer | costwise/peer | target | met? |
notes=() # lines under the table
loads=() # "PART LOAD" pairs, e.g. "a 1.06"
row() { table+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); }

machine_line=$(machine)
echo "machine: $machine_line"
echo "RUNS=$RUNS ROWS=$ROWS BIG_ROWS=$BIG_ROWS BENCH_BIG=$BENCH_BIG COSTWISE_EXTRA_HP=${COSTWISE_EXTRA_HP:-none}"
[ -z "$COSTWISE_EXTRA_HP" ] || notes+=("Every costwise job ran with the extra hyperparameters \`$COSTWISE_EXTRA_HP\`.")

# --- a. WDBC: whole processes --------------------------------------------------------------------
loads+=("a $(load1)")
c_wall=(); c_rss=(); p_wall=(); p_rss=(); c_fail=
for i in $(seq "$RUNS"); do
  if [ -z "$c_fail" ]; then
    rm -rf "$work/wdbc"; mkdir -p "$work/wdbc"; cp -r "$WDBC/input" "$work/wdbc/"
    hyperparameters "$(cat "$WDBC/input/config/hyperparameters.json")" >"$work/wdbc/input/config/hyperparameters.json"
    costwise_train "$work/wdbc" "$work/log"
    if [ "$rc" = 0 ]; then c_wall+=("$wall"); c_rss+=("$rss"); else c_fail="failed (exit $rc): $(failure "$work/wdbc" "$work/log")"; fi
  fi
  timed "$work/peer.log" "$PY" bench/peer/logreg_wdbc.py "$WDBC/input/data/train/train.csv"
  [ "$rc" = 0 ] || { cat "$work/peer.log" >&2; echo "the peer failed (exit $rc)" >&2; exit 1; }
  p_wall+=("$wall"); p_rss+=("$rss")
done
cw=$(med "${c_wall[@]}"); cr=$(med "${c_rss[@]}"); pw=$(med "${p_wall[@]}"); pr=$(med "${p_rss[@]}")
echo "a. WDBC whole process: costwise ${c_fail:-$cw s (runs: ${c_wall[*]}), peak RSS $cr MB}; peer $pw s (runs: ${p_wall[*]}), peak RSS $pr MB; ratio wall $(ratio "$cw" "$pw"), RSS $(ratio "$cr" "$pr")"
if [ -n "$c_fail" ]; then cw_cell=$c_fail; cr_cell=—; else cw_cell="$cw s (runs: ${c_wall[*]})"; cr_cell="$cr MB (runs: ${c_rss[*]})"; fi
row "WDBC, whole process wall (costwise: 426 rows, 50 epochs, batch 32, evaluation report; peer: StandardScaler + LogisticRegression, pickled)" \
  "$cw_cell" "$pw s (runs: ${p_wall[*]})" "$(ratio "$cw" "$pw")" "≤ 1 (costwise no slower)" "$(met "$(ratio "$cw" "$pw")" '<=' 1)"
row "WDBC, peak RSS" "$cr_cell" "$pr MB (runs: ${p_rss[*]})" "$(ratio "$cr" "$pr")" "costwise ≤ 400 MB (issue 2)" "$(met "$cr" '<=' 400)"

# --- synthetic data for b-d, written once ---------------------------------------------------------
syn=$work/syn
mkdir -p "$syn/input/config" "$syn/input/data/train"
csv=$syn/input/data/train/data.csv
echo "writing $ROWS x $FEATURES synthetic rows"
java bench/SyntheticCsv.java "$csv" "$ROWS" "$FEATURES"
rows_label=$(commas "$ROWS")

# synthetic_runs HYPERPARAMETERS [RUNS]: costwise on the synthetic job; fills ms (epoch times,
# all epochs of all runs), c_wall, c_rss, c_read and c_fail. With a peer command in PEER_EPOCHS,
# each repetition also runs the peer and fills p_s (epoch seconds), p_wall, p_rss, p_read.
synthetic_runs() {
  local hp=$1 runs=${2:-$RUNS} i
  ms=(); c_wall=(); c_rss=(); c_read=(); c_fail=; p_s=(); p_wall=(); p_rss=(); p_read=()
  hyperparameters "$hp" >"$syn/input/config/hyperparameters.json"
  for i in $(seq "$runs"); do
    if [ -z "$c_fail" ]; then
      costwise_train "$syn" "$work/log"
      if [ "$rc" = 0 ]; then
        c_wall+=("$wall"); c_rss+=("$rss")
        r=$(read_ms "$work/log"); [ -z "$r" ] || c_read+=("$r")
        mapfile -t -O "${#ms[@]}" ms < <(epoch_ms "$work/log")
      else
        c_fail="failed (exit $rc): $(failure "$syn" "$work/log")"
      fi
    fi
    if [ -n "${PEER_EPOCHS:-}" ]; then
      timed "$work/peer.log" "$PY" bench/peer/sgd_epochs.py "$csv" --epochs "$PEER_EPOCHS"
      [ "$rc" = 0 ] || { cat "$work/peer.log" >&2; echo "the peer failed (exit $rc)" >&2; exit 1; }
      p_wall+=("$wall"); p_rss+=("$rss"); p_read+=("$(num "$(peer_field "$work/peer.log" read_s)" '* 1000')")
      read -r -a epochs <<<"$(peer_field "$work/peer.log" epoch_s)"
      p_s+=("${epochs[@]}")
    fi
  done
}

# --- b. batch 32, 3 epochs, against the peer -----------------------------------------------------
loads+=("b $(load1)")
PEER_EPOCHS=3 synthetic_runs '{"epochs":"3","batch_size":"32","loss_function_type":"custom","fn_cost":"5","fp_cost":"1"}'
c_ms=$(med "${ms[@]}"); c_speed=$(num "$ROWS / ($c_ms / 1000)")
p_epoch=$(med "${p_s[@]}"); p_speed=$(num "$ROWS / $p_epoch")
cw=$(med "${c_wall[@]}"); cr=$(med "${c_rss[@]}"); pw=$(med "${p_wall[@]}"); pr=$(med "${p_rss[@]}")
speedup=$(ratio "$c_speed" "$p_speed"); whole=$(ratio "$cw" "$pw")
speedup_cell=$speedup; [ "$speedup" = n/a ] || speedup_cell="$speedup×"
if [ -n "$c_fail" ]; then
  echo "b. batch 32: costwise $c_fail"
  c_speed_cell=$c_fail; cw_cell=—; cr_cell=—; c_read_cell=—; c_read_ms=n/a
else
  c_speed_cell="$(commas "$c_speed") rows/s (epoch $c_ms ms; epochs: ${ms[*]} ms)"
  cw_cell="$cw s (runs: ${c_wall[*]})"; cr_cell="$cr MB (runs: ${c_rss[*]})"
  c_read_cell="$(med "${c_read[@]}") ms (runs: ${c_read[*]})"
  c_read_ms=$(med "${c_read[@]}")
fi
echo "b. $rows_label x $FEATURES, batch 32, 3 epochs: epoch speed costwise $(commas "$c_speed") rows/s (median $c_ms ms of: ${ms[*]}) vs peer $(commas "$p_speed") rows/s (median $p_epoch s of: ${p_s[*]}) = $speedup_cell (target >= 4×)"
echo "   whole process costwise ${cw} s (runs: ${c_wall[*]}) vs peer ${pw} s (runs: ${p_wall[*]}) = ${whole} (target <= 1); peak RSS costwise ${cr} MB, peer ${pr} MB (target <= 600 MB)"
row "$rows_label × $FEATURES, batch 32, cost loss 5:1, 3 epochs: epoch speed (peer: SGDClassifier.partial_fit, one call = one epoch of per-row updates)" \
  "$c_speed_cell" "$(commas "$p_speed") rows/s (epoch $p_epoch s; epochs: ${p_s[*]} s)" "$speedup_cell" "≥ 4× the peer" "$(met "$speedup" '>=' 4)"
row "… whole process wall (JVM or interpreter start, CSV read, standardising, 3 epochs; costwise also its evaluation report)" \
  "$cw_cell" "$pw s (runs: ${p_wall[*]})" "$whole" "≤ 1 (costwise no slower)" "$(met "$whole" '<=' 1)"
row "… peak RSS" "$cr_cell" "$pr MB (runs: ${p_rss[*]})" "$(ratio "$cr" "$pr")" "costwise ≤ 600 MB" "$(met "$cr" '<=' 600)"
p_read_ms=$(med "${p_read[@]}")
row "… CSV read (each side's own timing; no target)" "$c_read_cell" "$p_read_ms ms (runs: ${p_read[*]})" "$(ratio "$c_read_ms" "$p_read_ms")" "—" "—"

# --- c. batch 1024, 3 epochs ----------------------------------------------------------------------
loads+=("c $(load1)")
synthetic_runs '{"epochs":"3","batch_size":"1024","loss_function_type":"custom","fn_cost":"5","fp_cost":"1"}'
c_ms=$(med "${ms[@]}"); c_speed=$(num "$ROWS / ($c_ms / 1000)")
if [ -n "$c_fail" ]; then cell=$c_fail; else
  cell="$(commas "$c_speed") rows/s (epoch $c_ms ms; epochs: ${ms[*]} ms); whole process $(med "${c_wall[@]}") s, peak RSS $(med "${c_rss[@]}") MB"; fi
echo "c. $rows_label x $FEATURES, batch 1024, 3 epochs: costwise $cell (target >= 20,000,000 rows/s)"
row "$rows_label × $FEATURES, batch 1024, cost loss 5:1, 3 epochs: epoch speed" "$cell" "—" "—" "≥ 20,000,000 rows/s" "$(met "$c_speed" '>=' 20000000)"

# --- d. hidden layers 64,32, batch 256, 2 epochs --------------------------------------------------
loads+=("d $(load1)")
synthetic_runs '{"epochs":"2","batch_size":"256","hidden_layers":"64,32","loss_function_type":"custom","fn_cost":"5","fp_cost":"1"}'
c_ms=$(med "${ms[@]}"); c_speed=$(num "$ROWS / ($c_ms / 1000)")
# A jar without the hyperparameter names it in its failure ("Unknown hyperparameter 'hidden_layers'").
if [[ "$c_fail" == *hidden_layers* ]]; then cell="not supported by this build"
elif [ -n "$c_fail" ]; then cell=$c_fail
else cell="$(commas "$c_speed") rows/s (epoch $c_ms ms; epochs: ${ms[*]} ms); whole process $(med "${c_wall[@]}") s, peak RSS $(med "${c_rss[@]}") MB"; fi
echo "d. $rows_label x $FEATURES, hidden_layers 64,32, batch 256, 2 epochs: costwise $cell (target >= 1,000,000 rows/s)"
row "$rows_label × $FEATURES, hidden layers 64,32, batch 256, cost loss 5:1, 2 epochs: epoch speed" "$cell" "—" "—" "≥ 1,000,000 rows/s" "$(met "$c_speed" '>=' 1000000)"
rm -rf "$syn" # before e writes its larger file

# --- e. BIG_ROWS under a 512 MB heap --------------------------------------------------------------
big_label=$(commas "$BIG_ROWS")
# The CSV takes ~240 bytes a row; check the space first rather than fail half-way through writing.
need_mb=$((BIG_ROWS / 4000 + 50)); free_mb=$(df -Pm "$work" | awk 'NR == 2 { print $4 }')
if [ "$BENCH_BIG" = 1 ] && [ "$free_mb" -lt "$need_mb" ]; then
  echo "e. skipped: $BIG_ROWS rows need ~$need_mb MB under ${TMPDIR:-/tmp}, $free_mb MB free"
  row "$big_label × $FEATURES, \`java -Xmx512m\`, 1 epoch, batch 1024" "not run: ~$need_mb MB needed, $free_mb MB free" "—" "—" "exit 0; ≤ 1,200 MB" "—"
elif [ "$BENCH_BIG" = 1 ]; then
  loads+=("e $(load1)")
  big=$work/big
  mkdir -p "$big/input/config" "$big/input/data/train"
  echo "writing $BIG_ROWS x $FEATURES synthetic rows"
  java bench/SyntheticCsv.java "$big/input/data/train/data.csv" "$BIG_ROWS" "$FEATURES"
  hyperparameters '{"epochs":"1","batch_size":"1024","loss_function_type":"custom","fn_cost":"5","fp_cost":"1"}' >"$big/input/config/hyperparameters.json"
  codes=(); e_wall=(); e_rss=(); ms=(); e_fail=
  for i in $(seq "$RUNS"); do
    costwise_train "$big" "$work/log" -Xmx512m
    codes+=("$rc"); e_wall+=("$wall"); e_rss+=("$rss")
    if [ "$rc" != 0 ]; then e_fail=$(failure "$big" "$work/log"); break; fi # one failure says enough
    mapfile -t -O "${#ms[@]}" ms < <(epoch_ms "$work/log")
  done
  rm -rf "$big"
  ew=$(med "${e_wall[@]}"); er=$(med "${e_rss[@]}"); e_ms=$(med "${ms[@]}")
  finished=$([ -z "$e_fail" ] && echo 1 || echo 0)
  echo "e. $big_label x $FEATURES, -Xmx512m, 1 epoch, batch 1024: exit codes ${codes[*]}${e_fail:+ ($e_fail)}; wall $ew s (runs: ${e_wall[*]}); peak RSS $er MB (runs: ${e_rss[*]}) (target <= 1200 MB)"
  row "$big_label × $FEATURES, \`java -Xmx512m\`, 1 epoch, batch 1024: finishes" "exit codes: ${codes[*]}${e_fail:+ — $e_fail}" "—" "—" "exit 0" "$(met "$finished" '>=' 1)"
  row "… whole process wall" "$ew s (runs: ${e_wall[*]})$([ "$e_ms" = n/a ] || echo "; epoch $e_ms ms = $(commas "$(num "$BIG_ROWS / ($e_ms / 1000)")") rows/s")" "—" "—" "—" "—"
  row "… peak RSS" "$er MB (runs: ${e_rss[*]})" "—" "—" "≤ 1,200 MB" "$(met "$er" '<=' 1200)"
else
  echo "e. skipped (BENCH_BIG=$BENCH_BIG)"
  row "$big_label × $FEATURES, \`java -Xmx512m\`, 1 epoch, batch 1024" "not run (BENCH_BIG=0)" "—" "—" "exit 0; ≤ 1,200 MB" "—"
fi
loads+=("end $(load1)")
echo "load average (1 min) at the start of each part: ${loads[*]}"

# --- docs/performance.md ------------------------------------------------------------------------
sizes="Synthetic data: $rows_label × $FEATURES for b–d, $big_label × $FEATURES for e."
[ "$ROWS" = 1000000 ] && [ "$BIG_ROWS" = 5000000 ] || sizes="**Reduced sizes** (targets are set for 1,000,000 and 5,000,000 rows): $rows_label × $FEATURES for b–d, $big_label × $FEATURES for e."
replace_section docs/performance.md bench/train.sh <<MD
### Training against scikit-learn (\`bench/train.sh\`, $(date -u +%Y-%m-%d))

Machine: $machine_line. Load average (1 min) at the start of each part: ${loads[*]}.
Medians over $RUNS run(s) (epoch figures: over every epoch of every run), costwise and the peer
alternating within each run. $sizes costwise with default JVM settings except e; the peer is
Debian's scikit-learn $("$PY" -c 'import sklearn; print(sklearn.__version__)') and pandas $("$PY" -c 'import pandas; print(pandas.__version__)') on $("$PY" -V 2>&1).

| figure | costwise | peer (scikit-learn) | costwise / peer | target | met? |
|---|---|---|---|---|---|
$(printf '%s\n' "${table[@]}")

"Epoch" on the costwise side is the trainer's own timing of one pass (the \`epoch N/E: … (M ms)\`
log line: the minibatch steps and, when there is a validation channel, its loss — the logged
training loss is the running mean of the minibatches', with no second pass); on
the peer side it is one \`partial_fit\` call (unweighted logistic loss, constant learning rate 0.01,
one update per row, no loss computed), so the epoch comparison if anything favours the peer. Rows/s = rows ÷
median epoch time. Whole process and peak RSS are GNU time's \`%e\` and \`%M\` for the whole command.
$(printf '%s\n' "${notes[@]}")
MD
echo "wrote docs/performance.md"
