#!/usr/bin/env bash
# Tests the notebook: its committed form (outputs cleared), its SageMaker-mode cells against the
# SageMaker Python SDK v2 API, and then a full headless run in local mode, which fails on any cell
# that raises. Installs Debian's Jupyter, pandas and matplotlib when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(jupyter-core jupyter-nbconvert python3-nbconvert python3-ipykernel python3-pandas python3-matplotlib)
missing=()
for package in "${packages[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" = "install ok installed" ] || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Debian's Python, which has the packages above (a pyenv or venv python on the PATH may not).
python=/usr/bin/python3
notebook=notebooks/costwise_experiment.ipynb

"$python" -m unittest discover -s notebooks/tests -t notebooks/tests
"$python" notebooks/tests/check_notebook.py "$notebook"

[[ -f target/costwise.jar ]] || mvn -B -q package -DskipTests
start=$(date +%s)
/usr/bin/jupyter nbconvert --to notebook --execute "$notebook" \
  --output-dir target/notebook-run --ExecutePreprocessor.timeout=900
echo "The notebook ran end to end in local mode in $(($(date +%s) - start)) s."
