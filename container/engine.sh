# shellcheck shell=bash
# Sourced by the local scripts: picks docker or podman, whichever works here.
# Set CONTAINER_ENGINE to force one.
if [ -z "${CONTAINER_ENGINE:-}" ]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    CONTAINER_ENGINE=docker
  elif command -v podman >/dev/null 2>&1; then
    CONTAINER_ENGINE=podman
  else
    echo "needs docker (with a running engine) or podman" >&2
    exit 1
  fi
fi
export CONTAINER_ENGINE
