#!/usr/bin/env bash
# Packs a model folder into model.tar.gz exactly as SageMaker does with /opt/ml/model: the folder's
# contents at the archive's top level, regular files only.
# Usage: container/pack_model.sh MODEL_DIR [OUT.tar.gz]
set -euo pipefail
dir=${1:?usage: pack_model.sh MODEL_DIR [OUT.tar.gz]}
out=${2:-model.tar.gz}
[ -f "$dir/model.json" ] || { echo "$dir has no model.json: is it the folder train wrote?" >&2; exit 1; }
tar -czf "$out" -C "$dir" .
echo "$out"
