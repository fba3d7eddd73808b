#!/usr/bin/env bash
# End-to-end check of the real image, as CI runs it: builds it with Jib on a locally made base
# (no registry is reachable here), loads it into podman, and checks that
#   - `train` on the shipped /opt/ml tree succeeds and writes the model and the report,
#   - `train` with a bad hyperparameter exits non-zero with the failure file on the host,
#   - `serve` answers /ping and /invocations (CSV and JSON) through the mapped port,
#   - `stop` is clean (exit code 0), and the same commit builds the same image digest,
#   - `train --s3-*` and `serve --model-data` work against an S3-compatible store (S3Proxy),
# Installs podman, runc and debootstrap if missing (needs root then).
set -euo pipefail
cd "$(dirname "$0")/.."
source container/s3proxy.sh

need=()
for tool in podman runc debootstrap curl skopeo docker-registry; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends \
    podman runc debootstrap curl skopeo docker-registry >/dev/null
fi

work=$(mktemp -d)
container=""
registry_pid=""
S3PROXY_PID=""  # set by start_s3proxy
cleanup() {
  [ -n "$S3PROXY_PID" ] && kill "$S3PROXY_PID" 2>/dev/null
  [ -n "$container" ] && podman rm -f "$container" >/dev/null 2>&1
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Rootful podman with runc and ulimits within this machine's hard limits (see docs/container.md).
cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_CONF=$work/containers.conf
# Jib's caches stay out of the home folder and the work tree.
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$HOME/.cache} XDG_CONFIG_HOME=$work/config

base=$(container/base/build-local-base.sh)
echo "base image: $base"
build() {
  mvn -B -q package jib:buildTar -DskipTests -Djib.from.image="tar://$base" -Djib.to.image=costwise:ci \
    -Djava.io.tmpdir="$work" >&2
  podman load -q -i target/jib-image.tar >/dev/null
  podman image inspect --format '{{.Id}}' costwise:ci
}
first=$(build)
echo "image: costwise:ci $first ($(du -h target/jib-image.tar | cut -f1) as a tar)"

fail() { echo "FAIL: $*" >&2; exit 1; }
# Waits up to 30 s for the server in $container to answer /ping on PORT with 200.
wait_for_ping() {
  for _ in $(seq 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/ping" || true)" = 200 ] && return 0
    sleep 0.1
  done
  podman logs "$container"
  fail "/ping on port $1 never answered 200"
}

# train on a copy of the shipped tree
tree=$work/opt_ml
mkdir -p "$tree"
cp -r container/local_test/opt_ml/input "$tree/"
podman run --rm -v "$tree:/opt/ml" costwise:ci train > "$work/train.log" 2>&1 || { cat "$work/train.log"; fail "train exited non-zero"; }
[ -e "$tree/output/success" ] || fail "train did not write output/success"
for file in model/model.zip model/model.json output/data/evaluation.json output/data/report.html output/data/roc.png; do
  [ -s "$tree/$file" ] || fail "train did not write $file"
done
grep -q "validation:expected_value=" "$work/train.log" || fail "no metric lines in the train log"
echo "ok: train wrote the model and the report"

# train with a bad hyperparameter
bad=$work/bad
mkdir -p "$bad"
cp -r container/local_test/opt_ml/input "$bad/"
echo '{"epochs": "-1"}' > "$bad/input/config/hyperparameters.json"
if podman run --rm -v "$bad:/opt/ml" costwise:ci train > "$work/bad.log" 2>&1; then fail "train accepted epochs=-1"; fi
grep -q "Hyperparameter epochs has the value '-1'" "$bad/output/failure" || fail "failure file: $(cat "$bad/output/failure" 2>/dev/null)"
echo "ok: bad hyperparameter -> non-zero exit, failure file: $(cat "$bad/output/failure")"

# serve through the mapped port
port=18081
container=$(podman run -d -p "127.0.0.1:$port:8080" -v "$tree/model:/opt/ml/model:ro" costwise:ci serve)
wait_for_ping "$port"
row=$(cut -d, -f2- container/local_test/opt_ml/input/data/validation/validation.csv | sed -n '1p')
csv=$(curl -sf -H 'Content-Type: text/csv' --data-binary "$row" "http://127.0.0.1:$port/invocations")
[[ "$csv" =~ ^[0-9.E-]+,[01]$ ]] || fail "CSV answer: $csv"
json=$(curl -sf -H 'Content-Type: application/json' -H 'Accept: application/json' -d "{\"instances\": [[$row]]}" "http://127.0.0.1:$port/invocations")
[[ "$json" == '{"predictions":[{"probability":'* ]] || fail "JSON answer: $json"
echo "ok: serve answered /ping, CSV ($csv) and JSON"
podman stop -t 10 "$container" >/dev/null
code=$(podman inspect --format '{{.State.ExitCode}}' "$container")
[ "$code" = 0 ] || { podman logs "$container"; fail "serve exited $code after SIGTERM"; }
echo "ok: serve stopped cleanly (exit 0)"

# S3 jobs outside SageMaker: the image trains from and serves out of an S3-compatible store
# (S3Proxy on loopback; the container shares the host's network).
s3_port=18082
s3=http://127.0.0.1:$s3_port
start_s3proxy "$work/store" "$s3_port" ci ci-secret || fail "S3Proxy did not start"
mkdir -p "$work/store/costwise-ci/data"   # a folder in the store's root is a bucket
cp -r container/local_test/opt_ml/input/data/. "$work/store/costwise-ci/data/"
cp container/local_test/opt_ml/input/config/hyperparameters.json "$work/hyperparameters.json"
aws_env=(-e AWS_ACCESS_KEY_ID=ci -e AWS_SECRET_ACCESS_KEY=ci-secret -e AWS_EC2_METADATA_DISABLED=true)
podman run --rm --network host "${aws_env[@]}" -v "$work/hyperparameters.json:/tmp/hyperparameters.json:ro" \
  costwise:ci train --base-dir /tmp/job --s3-train s3://costwise-ci/data/train/ --s3-validation s3://costwise-ci/data/validation/ \
  --s3-output s3://costwise-ci/jobs/ --hyperparameters /tmp/hyperparameters.json --job-name image-ci \
  --s3-endpoint "$s3" --s3-path-style > "$work/s3-train.log" 2>&1 || { cat "$work/s3-train.log"; fail "train from S3 exited non-zero"; }
for archive in model.tar.gz output.tar.gz; do
  [ -s "$work/store/costwise-ci/jobs/image-ci/output/$archive" ] || { cat "$work/s3-train.log"; fail "no $archive in the store"; }
done
# The listing is read whole first: `tar | grep -q` under pipefail fails whenever grep quits before
# tar has written everything (tar dies of SIGPIPE), which made this check flaky in CI.
listing=$(tar -tzf "$work/store/costwise-ci/jobs/image-ci/output/model.tar.gz")
grep -qx model.json <<< "$listing" || fail "model.tar.gz lacks model.json (it holds: $listing)"
echo "ok: train from S3 uploaded model.tar.gz and output.tar.gz to s3://costwise-ci/jobs/image-ci/output/"
s3_serve_port=18083
container=$(podman run -d --network host "${aws_env[@]}" -e SAGEMAKER_BIND_TO_PORT=$s3_serve_port costwise:ci serve \
  --model-data s3://costwise-ci/jobs/image-ci/output/model.tar.gz --s3-endpoint "$s3" --s3-path-style)
wait_for_ping "$s3_serve_port"
csv=$(curl -sf -H 'Content-Type: text/csv' --data-binary "$row" "http://127.0.0.1:$s3_serve_port/invocations") \
  || { podman logs "$container"; fail "serve --model-data did not answer"; }
[[ "$csv" =~ ^[0-9.E-]+,[01]$ ]] || fail "CSV answer from the S3 model: $csv"
podman stop -t 10 "$container" >/dev/null
podman rm -f "$container" >/dev/null
container=""
kill "$S3PROXY_PID"
S3PROXY_PID=""
echo "ok: serve --model-data answered from the S3 model ($csv)"

second=$(build)
[ "$first" = "$second" ] || fail "rebuilding the same commit gave another image ($first vs $second)"
echo "ok: reproducible ($first)"

# build_and_push.sh: clear errors without the AWS CLI, a dry run that changes nothing.
no_aws=$(PATH="$(dirname "$(command -v mvn)"):/usr/bin:/bin" ./build_and_push.sh --tag ci 2>&1 >/dev/null || true)
[[ "$no_aws" == *"the AWS CLI v2 is not installed"* ]] || fail "missing AWS CLI: '$no_aws'"
dry=$(./build_and_push.sh --registry 127.0.0.1:15000 --tag ci --dry-run 2>&1)
[[ "$dry" == "would run: mvn "*"-Djib.to.image=127.0.0.1:15000/costwise:ci"* ]] || fail "dry run: '$dry'"
dry_ecr=$(env -u AWS_REGION -u AWS_DEFAULT_REGION AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent \
  PATH="$(dirname "$(command -v mvn)"):/usr/bin:/bin" ./build_and_push.sh --tag ci --dry-run 2>/dev/null | tail -1)
[ "$dry_ecr" = "<account>.dkr.ecr.<region>.amazonaws.com/costwise:ci" ] || fail "dry run without AWS: '$dry_ecr'"
echo "ok: build_and_push.sh explains a missing AWS CLI and dry-runs, with or without AWS credentials"

# build_and_push.sh: push to a registry on loopback (standing in for ECR) and read the image back.
cat > "$work/registry.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:15000
YML
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:15000/v2/ >/dev/null && break; sleep 0.1; done
pushed=$(./build_and_push.sh --registry 127.0.0.1:15000 --insecure --tag ci --base-image "tar://$base" | tail -1)
[ "$pushed" = 127.0.0.1:15000/costwise:ci ] || fail "build_and_push.sh printed '$pushed'"
labels=$(skopeo inspect --tls-verify=false --format '{{index .Labels "com.amazonaws.sagemaker.capabilities.accept-bind-to-port"}}' "docker://$pushed")
[ "$labels" = true ] || fail "the pushed image lacks the bind-to-port label"
echo "ok: build_and_push.sh pushed $pushed and it reads back with its labels"


# The Dockerfile builds an image that behaves the same. No image can be pulled here, so both stages
# use the local base, with this machine's JDK, Maven and Maven repository mounted (offline build).
podman load -q -i "$base" >/dev/null
maven_home=$(mvn -v | sed -n 's/^Maven home: //p')
java_home=$(mvn -v | sed -n 's/.*runtime: //p')
mounts=()
# Maven and the JDK where this machine has them, and Debian's shared jars/config they link to.
for path in "$maven_home" "$java_home" /usr/share/java /etc/maven /etc/alternatives; do
  if [ -e "$path" ]; then mounts+=(-v "$path:$path:ro"); fi
done
podman build -q --network none "${mounts[@]}" -v "$HOME/.m2:/root/.m2" \
  --build-arg BUILD_IMAGE=localhost/costwise-local-base:jre17 \
  --build-arg BASE_IMAGE=localhost/costwise-local-base:jre17 \
  --build-arg MAVEN="env JAVA_HOME=$java_home $maven_home/bin/mvn -o" -t costwise:dockerfile . >/dev/null
docker_tree=$work/dockerfile
mkdir -p "$docker_tree"
cp -r container/local_test/opt_ml/input "$docker_tree/"
podman run --rm -v "$docker_tree:/opt/ml" costwise:dockerfile train > "$work/dockerfile.log" 2>&1 \
  || { cat "$work/dockerfile.log"; fail "the Dockerfile's image failed to train"; }
for file in model/model.json output/data/report.html; do
  [ -s "$docker_tree/$file" ] || fail "the Dockerfile's image did not write $file"
done
label=$(podman image inspect --format '{{index .Labels "com.amazonaws.sagemaker.capabilities.accept-bind-to-port"}}' costwise:dockerfile)
[ "$label" = true ] || fail "the Dockerfile's image lacks the bind-to-port label"
echo "ok: the Dockerfile's image trains like the Jib one"
