#!/bin/sh
# The image's entrypoint: derive the JVM's limits from the container's memory, then exec java, so
# that java becomes PID 1 and SIGTERM (StopTrainingJob, endpoint shutdown) reaches the JVM.
# `docker run IMAGE train|serve` passes the mode as "$@".
#
# Environment (see docs/configuration.md):
#   COSTWISE_HEAP_PERCENT     Java heap as % of the container's memory (default 45)
#   COSTWISE_OFFHEAP_PERCENT  ND4J off-heap arrays as % of memory (default 35)
#   COSTWISE_JAVA_OPTS        extra JVM flags, appended last (they win)
#   JAVA_TOOL_OPTIONS         read by the JVM itself, as usual
set -eu

# The container's memory: the cgroup limit (v2, then v1) when there is one, else the machine's.
memory_bytes() {
  for file in /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory/memory.limit_in_bytes; do
    if [ -r "$file" ]; then
      limit=$(cat "$file")
      # "max", or v1's "unlimited" (2^63 rounded to pages), mean no limit.
      if [ "$limit" != "max" ] && [ "${#limit}" -lt 19 ]; then
        echo "$limit"
        return
      fi
    fi
  done
  awk '/^MemTotal:/ { printf "%.0f\n", $2 * 1024 }' /proc/meminfo
}

memory_mb=$(( $(memory_bytes) / 1048576 ))
heap_mb=$(( memory_mb * ${COSTWISE_HEAP_PERCENT:-45} / 100 ))
offheap_mb=$(( memory_mb * ${COSTWISE_OFFHEAP_PERCENT:-35} / 100 ))
physical_mb=$(( memory_mb * 90 / 100 ))

# serve: G1 (not left to the JVM's choice, which is the serial collector on a one-CPU host), giving
# idle heap back to the system: a concurrent cycle after 5 s without a collection, and a heap that
# shrinks to 30 % free. Measured with bench/batch_memory.sh (docs/performance.md): after four
# concurrent 95 MB batch bodies, 126–155 MB resident 30 s later with them, 180 MB without.
gc_flags=""
if [ "${1:-}" = serve ]; then
  gc_flags="-XX:+UseG1GC -XX:G1PeriodicGCInterval=5000 -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10"
fi

# -XX:-UseContainerSupport: on SageMaker hosts a containerised JVM may otherwise see one CPU (AWS's
# own Java images do the same); with it off, the heap must be set explicitly, as here.
# shellcheck disable=SC2086 # gc_flags and COSTWISE_JAVA_OPTS are lists of flags.
exec java \
  -XX:-UseContainerSupport \
  -Xmx"${heap_mb}m" \
  -Dorg.bytedeco.javacpp.maxbytes="${offheap_mb}m" \
  -Dorg.bytedeco.javacpp.maxphysicalbytes="${physical_mb}m" \
  -Dorg.bytedeco.javacpp.cachedir="${COSTWISE_NATIVE_CACHE:-/tmp/costwise-javacpp}" \
  -Djava.awt.headless=true \
  $gc_flags \
  ${COSTWISE_JAVA_OPTS:-} \
  -cp @/app/jib-classpath-file io.costwise.cli.CostwiseCommand "$@"
