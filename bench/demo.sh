#!/usr/bin/env bash
# Times `costwise demo` (three models on WDBC and eight on bank marketing, reports and summary) over several runs and writes the
# median into docs/performance.md. Usage: bench/demo.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RUNS=${1:-5}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
[ -f target/costwise.jar ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load=$(machine)
wall=(); rss=()
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$work/time" java -jar target/costwise.jar demo --out "$work/demo" >/dev/null
  read -r w m < "$work/time"; wall+=("$w"); rss+=("$m")
done
median_wall=$(printf '%s\n' "${wall[@]}" | median)
median_rss=$(( $(printf '%s\n' "${rss[@]}" | median | cut -d. -f1) / 1024 ))
echo "demo: ${median_wall} s (runs: ${wall[*]}), peak RSS ${median_rss} MB"
replace_section docs/performance.md bench/demo.sh <<MD
### Demo (\`bench/demo.sh\`, $(date -u +%Y-%m-%d))

Machine: $load. Whole \`costwise demo\` process: three WDBC models trained (50 epochs each) and eight bank-marketing options (30 epochs each, five of them with five out-of-fold networks besides), evaluated,
report and charts drawn. Median of $RUNS runs: **${median_wall} s** (runs: ${wall[*]}); peak RSS
${median_rss} MB. Target: under 30 s.
MD
