#!/usr/bin/env bash
# Serves a model folder (e.g. the one train_local.sh wrote) on localhost:PORT, as SageMaker would:
# the folder is mounted at /opt/ml/model. Stop it with Ctrl-C (SIGTERM reaches the server).
# Usage: container/serve_local.sh IMAGE [MODEL_DIR] [PORT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=container/engine.sh
source "$here/engine.sh"
image=${1:?usage: serve_local.sh IMAGE [MODEL_DIR] [PORT]}
model=$(cd "${2:-$here/local_test/opt_ml/model}" && pwd)
port=${3:-8080}
exec "$CONTAINER_ENGINE" run --rm -p "$port:8080" -v "$model:/opt/ml/model:ro" "$image" serve
