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

# -XX:-UseContainerSupport: on SageMaker hosts a containerised JVM may otherwise see one CPU (AWS's
# own Java images do the same); with it off, the heap must be set explicitly, as here.
# shellcheck disable=SC2086 # COSTWISE_JAVA_OPTS is a list of flags.
exec java \
  -XX:-UseContainerSupport \
  -Xmx"${heap_mb}m" \
  -Dorg.bytedeco.javacpp.maxbytes="${offheap_mb}m" \
  -Dorg.bytedeco.javacpp.maxphysicalbytes="${physical_mb}m" \
  -Dorg.bytedeco.javacpp.cachedir="${COSTWISE_NATIVE_CACHE:-/tmp/costwise-javacpp}" \
  -Djava.awt.headless=true \
  ${COSTWISE_JAVA_OPTS:-} \
  -cp @/app/jib-classpath-file io.costwise.cli.CostwiseCommand "$@"
