#!/usr/bin/env bash
# Times a whole `costwise sweep` process (defaults: bundled WDBC, 10 cost ratios × 5 folds × 50
# epochs, sweep.json and sweep.png written) and compares it with the figure measured before the
# fast training engine. Prints the figures and writes them into the bench/sweep.sh section of
# docs/performance.md. Usage: bench/sweep.sh [RUNS]   (or RUNS=N; default 3)
#
# Targets: ≥ 5× faster than "before", peak RSS ≤ 500 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RUNS=${RUNS:-${1:-3}}

# "Before": this script with the DL4J-only jar (branch bench-peer at 6727869) on 2026-11-30, same
# 2-core machine as the other sections, shared with other jobs at the time. Three single runs
# (RUNS=1) took 125.85, 192.15 and 80.35 s wall (1-min load 2.2, 5.4 and 7.1 before each) but
# 110-120 s CPU each: the wall time swings with the other jobs, the CPU time hardly. "Before" is
# the fastest of the three (its peak RSS and CPU with it), the one least slowed by the other jobs
# and so the strictest base for the 5x target. Compare at a similar load; the CPU row is steadier.
BEFORE_WALL=80.35 # s
BEFORE_RSS=3862   # MB
BEFORE_CPU=119.8  # s, user + sys
BEFORE_NOTE="2026-11-30, DL4J-only jar (6727869): fastest of 3 single runs, 80.35 / 125.85 / 192.15 s"

ensure_time
ensure_jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

machine_line=$(machine)
wall=(); rss=(); cpu=()
for i in $(seq "$RUNS"); do
  rm -rf "$work/sweep"
  if ! /usr/bin/time -f "%e %M %U %S" -o "$work/time" java -jar target/costwise.jar sweep --out "$work/sweep" >"$work/log" 2>&1; then
    tail -n 20 "$work/log" >&2; echo "costwise sweep failed" >&2; exit 1
  fi
  read -r w kb user sys < <(tail -n 1 "$work/time")
  wall+=("$w"); rss+=("$((kb / 1024))"); cpu+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')")
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

median_wall=$(printf '%s\n' "${wall[@]}" | median)
median_rss=$(printf '%s\n' "${rss[@]}" | median)
median_cpu=$(printf '%s\n' "${cpu[@]}" | median)
speedup=$(awk -v b="$BEFORE_WALL" -v n="$median_wall" 'BEGIN { printf "%.2f", b / n }')
yes_no() { awk -v ok="$1" 'BEGIN { print ok ? "yes" : "**no**" }'; }
speed_met=$(yes_no "$(awk -v s="$speedup" 'BEGIN { print (s >= 5) }')")
rss_met=$(yes_no "$(awk -v r="$median_rss" 'BEGIN { print (r <= 500) }')")
echo "sweep: ${median_wall} s (runs: ${wall[*]}), ${speedup}x the before figure ${BEFORE_WALL} s (target >= 5x): $speed_met"
echo "       CPU ${median_cpu} s (runs: ${cpu[*]}; before ${BEFORE_CPU} s); peak RSS ${median_rss} MB (runs: ${rss[*]}; before ${BEFORE_RSS} MB) (target <= 500 MB): $rss_met"

replace_section docs/performance.md bench/sweep.sh <<MD
### Sweep (\`bench/sweep.sh\`, $(date -u +%Y-%m-%d))

Machine: $machine_line; at the end: $load_end. Whole \`costwise sweep --out DIR\` process with its
defaults: bundled WDBC, 10 log-spaced cost ratios × 5 folds × 50 epochs at batch 32, sweep.json and
sweep.png written. Medians over $RUNS run(s).

| figure | now | before the fast engine ($BEFORE_NOTE) | target | met? |
|---|---|---|---|---|
| whole process wall | ${median_wall} s (runs: ${wall[*]}) | ${BEFORE_WALL} s | ≥ 5× faster: now ${speedup}× | $speed_met |
| peak RSS | ${median_rss} MB (runs: ${rss[*]}) | ${BEFORE_RSS} MB | ≤ 500 MB | $rss_met |
| CPU time, user + sys (steadier than wall on a loaded machine) | ${median_cpu} s (runs: ${cpu[*]}) | ${BEFORE_CPU} s | — | — |
MD
echo "wrote docs/performance.md"
