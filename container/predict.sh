#!/usr/bin/env bash
# Posts a CSV file (rows of features, no label) to a running server and prints the predictions.
# Usage: container/predict.sh FILE.csv [URL] [CONTENT_TYPE]
set -euo pipefail
file=${1:?usage: predict.sh FILE.csv [URL] [CONTENT_TYPE]}
url=${2:-http://localhost:8080/invocations}
type=${3:-text/csv}
curl --fail-with-body -sS -H "Content-Type: $type" --data-binary @"$file" "$url"
