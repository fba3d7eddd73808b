#!/usr/bin/env bash
# Runs the image's `train` on a local /opt/ml tree, as SageMaker would: the tree is mounted at
# /opt/ml, the model lands in TREE/model/ and the report in TREE/output/data/.
# Usage: container/train_local.sh IMAGE [TREE]   (TREE defaults to the shipped sample tree)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=container/engine.sh
source "$here/engine.sh"
image=${1:?usage: train_local.sh IMAGE [TREE]}
tree=$(cd "${2:-$here/local_test/opt_ml}" && pwd)
rm -rf "$tree/model" "$tree/output"
mkdir -p "$tree/model" "$tree/output"
exec "$CONTAINER_ENGINE" run --rm -v "$tree:/opt/ml" "$image" train
