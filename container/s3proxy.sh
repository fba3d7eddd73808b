# Starts S3Proxy (an S3-compatible server, filesystem back end) on loopback, for the scripts that
# need a real S3 without AWS: container/test_image.sh and bench/s3.sh. Sourced, not run.
#
# start_s3proxy STORE PORT IDENTITY SECRET
#   Serves folder STORE (each sub-folder is a bucket) at http://127.0.0.1:PORT, accepting the access
#   key IDENTITY with SECRET; logs to STORE.log. Sets S3PROXY_PID and returns once it answers, or
#   returns 1 (with the log on stderr) if it does not within 30 s.
start_s3proxy() {
  local store=$1 port=$2 identity=$3 secret=$4
  [ -f target/s3proxy/s3proxy.jar ] || mvn -B -q dependency:copy@copy-s3proxy
  mkdir -p "$store"
  cat > "$store.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$identity
s3proxy.credential=$secret
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$store
CONF
  java -jar target/s3proxy/s3proxy.jar --properties "$store.conf" > "$store.log" 2>&1 &
  S3PROXY_PID=$!
  for _ in $(seq 150); do
    curl -s -o /dev/null "http://127.0.0.1:$port" && return 0
    sleep 0.2
  done
  cat "$store.log" >&2
  echo "S3Proxy did not answer on port $port within 30 s" >&2
  return 1
}
