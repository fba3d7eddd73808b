#!/usr/bin/env bash
# Measures `costwise serve` (target/costwise.jar, a model trained on the sample tree) against the
# issue 12 targets, on loopback with client and server on the same cores:
#   (a) 200 connections sending one header line every 2 s, plus 8 that declare a 5 MB body and
#       stall, for 30 s: the share of one-per-second /ping probes answered 200 within 1 s, and
#       single-row CSV throughput during the attack against the unloaded throughput measured just
#       before it (same server, same run). Repeated REPEATS times; medians printed.
#   (b) single-row CSV at 64 connections for 60 s: errors, p99, and RSS sampled every 5 s from just
#       before the load to 30 s after it.
# Needs java, wrk, python3 and curl; installs wrk, python3 and curl with apt when missing.
# Usage: bench/serve_hardening.sh   (environment, [default]):
#   REPEATS [3]      runs of (a)
#   LABEL [current]  the row's name in docs/performance.md (e.g. "before the server swap")
#   WRITE_DOCS [1]   0 leaves docs/performance.md alone
#   SERVER_JAVA_OPTS []  JVM flags for the server (e.g. -XX:G1PeriodicGCInterval=5000); named in the row
#   ATTACK_SECONDS [30], UNLOADED_SECONDS [10], LOAD_SECONDS [60]   shorter only for a smoke test
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
REPEATS=${REPEATS:-3}
LABEL=${LABEL:-current}
WRITE_DOCS=${WRITE_DOCS:-1}
ATTACK_SECONDS=${ATTACK_SECONDS:-30}
UNLOADED_SECONDS=${UNLOADED_SECONDS:-10}
LOAD_SECONDS=${LOAD_SECONDS:-60}

command -v wrk >/dev/null || apt_install wrk
command -v python3 >/dev/null || apt_install python3
command -v curl >/dev/null || apt_install curl
ensure_jar

work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# A free port: other benchmarks on this machine use fixed ones.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cp -r container/local_test/opt_ml/input "$work/"
java -jar target/costwise.jar train --base-dir "$work" >/dev/null
cut -d, -f2- container/local_test/opt_ml/input/data/validation/validation.csv | sed -n '1p' >"$work/one.csv"
cat >"$work/one.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/csv"
local f = io.open("$work/one.csv", "rb"); wrk.body = f:read("*a"); f:close()
LUA

# The attackers and the /ping prober, for ATTACK_SECONDS. A slow or stalled connection the server
# closes is opened again, so the pressure lasts the whole window rather than one header timeout.
cat >"$work/attack.py" <<'PY'
import socket, sys, threading, time
port, seconds, slow, stalled = (int(a) for a in sys.argv[1:5])
stop = time.time() + seconds
reopened = [0, 0]

def connect():
    return socket.create_connection(("127.0.0.1", port), timeout=5)

def slow_client():
    while time.time() < stop:
        try:
            s = connect()
            s.sendall(b"POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n")
            i = 0
            while time.time() < stop:
                time.sleep(2)
                s.sendall(b"X-Slow-%d: y\r\n" % i)
                i += 1
        except OSError:
            reopened[0] += 1
            time.sleep(0.1)

def stalled_client():
    while time.time() < stop:
        try:
            s = connect()
            s.sendall(b"POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                      b"Content-Length: 5000000\r\n\r\n1")
            s.settimeout(max(0.1, stop - time.time()))
            if s.recv(64) == b"":
                reopened[1] += 1
        except OSError:
            reopened[1] += 1
        time.sleep(0.1)

for target, n in ((slow_client, slow), (stalled_client, stalled)):
    for _ in range(n):
        threading.Thread(target=target, daemon=True).start()
time.sleep(1)
ok = probes = 0
latencies = []
while time.time() < stop - 1:
    probes += 1
    start = time.time()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=1)
        s.settimeout(max(0.01, 1 - (time.time() - start)))
        s.sendall(b"GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        if s.recv(64).startswith(b"HTTP/1.1 200"):
            ok += 1
            latencies.append((time.time() - start) * 1000)
        s.close()
    except OSError:
        pass
    time.sleep(max(0, 1 - (time.time() - start)))
latencies.sort()
worst = f"{latencies[-1]:.1f}" if latencies else "-"
print(f"{ok} {probes} {worst} {reopened[0]} {reopened[1]}")
PY

rss_mb() { echo $(($(ps -o rss= -p "$server_pid") / 1024)); }
# wrk's requests/s, p99 in ms, and errors (socket errors plus non-2xx) from its output on stdin.
wrk_figures() {
  awk '/Requests\/sec/ {rps = $2}
       $1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}; p99 = v}
       /Socket errors/ {gsub(/,/, ""); errors += $4 + $6 + $8 + $10}
       /Non-2xx/ {errors += $NF}
       END {printf "%s %s %d\n", rps, p99, errors}'
}
single_row() { wrk -t2 -c"$1" -d"$2s" --latency -s "$work/one.lua" "http://127.0.0.1:$port/invocations" | wrk_figures; }

SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
[ -z "$SERVER_JAVA_OPTS" ] || LABEL="$LABEL, $SERVER_JAVA_OPTS"
# shellcheck disable=SC2086 # the options are words
SAGEMAKER_BIND_TO_PORT=$port java $SERVER_JAVA_OPTS -jar target/costwise.jar serve --base-dir "$work" >"$work/serve.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/ping" >/dev/null 2>&1; do sleep 0.05; done
load_before=$(machine)
single_row 16 10 >/dev/null # warm-up
sleep 5

# (b) first, on the warmed-up server: RSS every 5 s from just before the load to 30 s after it.
rss_samples=("$(rss_mb)")
wrk -t2 -c64 -d"${LOAD_SECONDS}s" --latency -s "$work/one.lua" "http://127.0.0.1:$port/invocations" >"$work/load.txt" &
wrk_pid=$!
for _ in $(seq $(((LOAD_SECONDS + 30) / 5))); do
  sleep 5
  rss_samples+=("$(rss_mb)")
done
wait "$wrk_pid"
read -r load_rps load_p99 load_errors < <(wrk_figures <"$work/load.txt")
rss_start=${rss_samples[0]}
rss_peak=$(printf '%s\n' "${rss_samples[@]}" | sort -n | tail -1)
rss_end=${rss_samples[-1]}
rss_change=$(awk -v a="$rss_start" -v b="$rss_end" 'BEGIN {printf "%+.1f", (b - a) * 100 / a}')
echo "(b) 64 connections, ${LOAD_SECONDS} s: ${load_rps} req/s, p99 ${load_p99} ms, ${load_errors} errors;" \
  "RSS ${rss_start} MB before, peak ${rss_peak} MB, ${rss_end} MB 30 s after (${rss_change} %); samples: ${rss_samples[*]}"

# (a) unloaded, then the same load during the attack; the attack's first second opens its
# connections, so wrk starts 2 s in and stops before the last probe.
ratios=() pings=() unloaded_all=() attacked_all=() details=()
for r in $(seq "$REPEATS"); do
  read -r unloaded _ _ < <(single_row 16 "$UNLOADED_SECONDS")
  python3 "$work/attack.py" "$port" "$ATTACK_SECONDS" 200 8 >"$work/attack.txt" &
  attack_pid=$!
  sleep 2
  read -r attacked _ attacked_errors < <(single_row 16 $((ATTACK_SECONDS - 5)))
  wait "$attack_pid"
  read -r ok probes worst slow_reopened stalled_reopened <"$work/attack.txt"
  ratio=$(awk -v a="$attacked" -v u="$unloaded" 'BEGIN {printf "%.2f", a / u}')
  share=$(awk -v o="$ok" -v p="$probes" 'BEGIN {printf "%.1f", o * 100 / p}')
  ratios+=("$ratio") pings+=("$share") unloaded_all+=("$unloaded") attacked_all+=("$attacked")
  details+=("run $r: unloaded $unloaded req/s, attacked $attacked req/s ($attacked_errors errors) = $ratio; /ping $ok of $probes within 1 s (slowest $worst ms); reconnects: slow $slow_reopened, stalled $stalled_reopened")
  echo "(a) ${details[-1]}"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""

med() { printf '%s\n' "$@" | median; }
ratio_median=$(med "${ratios[@]}")
ping_median=$(med "${pings[@]}")
echo "(a) medians of $REPEATS: /ping ${ping_median} % within 1 s (target ≥ 99); single-row" \
  "$(med "${attacked_all[@]}") of $(med "${unloaded_all[@]}") req/s = ${ratio_median} (target ≥ 0.50)"
echo "machine: $load_before; load average after: $load_after"
echo "uptime: $(uptime)"

[ "$WRITE_DOCS" = 1 ] || exit 0
row="| $LABEL ($(date -u +%Y-%m-%d), load $(cut -d' ' -f1 <<<"${load_before##*: }") → $(cut -d' ' -f1 <<<"$load_after")) | ${ping_median} % | $(med "${attacked_all[@]}") / $(med "${unloaded_all[@]}") = ${ratio_median} | ${load_rps} | ${load_p99} ms | ${load_errors} | ${rss_start} → ${rss_peak} → ${rss_end} MB (${rss_change} %) |"
# Rows accumulate (one per server build); the section's header is written once.
section=$(python3 - docs/performance.md <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"<!-- bench/serve_hardening.sh:rows:begin -->\n(.*?)<!-- bench/serve_hardening.sh:rows:end -->", text, re.S)
print(m.group(1).rstrip("\n") if m else "", end="")
PY
)
rows=$(printf '%s\n%s' "$section" "$row" | sed '/^$/d')
replace_section docs/performance.md bench/serve_hardening.sh <<MD
### Slow clients and sustained load (\`bench/serve_hardening.sh\`)

Machine: $load_before. Client and server share the cores on loopback; the server runs with default
settings (10 s header and body timeouts). Columns: (a) $REPEATS runs of a ${ATTACK_SECONDS} s attack by 200
connections sending one header line every 2 s and 8 declaring a 5 MB body and stalling (each
reopened when the server closes it): the median share of one-per-second \`/ping\` probes answered 200
within 1 s; single-row CSV requests/s at 16 connections during the attack and unloaded just
before it (medians), and the median of each run's attacked/unloaded ratio. (b) single-row CSV at 64 connections for ${LOAD_SECONDS} s: requests/s, p99, errors (socket errors and
non-2xx), and RSS just before → peak → 30 s after the load (sampled every 5 s).
Targets: ≥ 99 %; ≥ 0.50; 0 errors; p99 ≤ 10 ms; RSS back within 10 % of its start.

| build (date, load average before → after) | (a) /ping within 1 s | (a) req/s attacked / unloaded (medians); median of the runs' ratios | (b) req/s | (b) p99 | (b) errors | (b) RSS |
|---|---|---|---|---|---|---|
<!-- bench/serve_hardening.sh:rows:begin -->
$rows
<!-- bench/serve_hardening.sh:rows:end -->

Last run's details: $(printf '%s; ' "${details[@]}")RSS samples (MB): ${rss_samples[*]}.
MD
echo "wrote docs/performance.md"
