# Shared helpers for the benchmark scripts (sourced, not run).

# The median of numbers given one per line on stdin.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Describes the machine and its load, for the results table.
machine() {
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Replaces the section between <!-- NAME:begin --> and <!-- NAME:end --> in a file with stdin.
replace_section() {
  local file=$1 name=$2 body
  body=$(cat)
  python3 - "$file" "$name" "$body" <<'PY'
import sys, re
path, name, body = sys.argv[1:4]
text = open(path).read()
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
block = f"{begin}\n{body}\n{end}"
if begin in text:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: block, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
}

# Installs Debian packages, through sudo unless already root, so a benchmark can fetch its own
# tools. apt-get update runs only if the first try fails (empty or stale package lists).
apt_install() {
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2 \
    || { "${sudo[@]}" apt-get update -q >&2 && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2; }
}

# GNU time, for wall time and peak RSS (%e %M) of a whole process.
ensure_time() {
  [ -x /usr/bin/time ] || apt_install time
}

# Builds target/costwise.jar if it is missing: offline first (~/.m2 is usually enough), online if
# an artifact is missing from the local repository.
ensure_jar() {
  [ -f target/costwise.jar ] && return
  mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
}
