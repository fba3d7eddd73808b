#!/usr/bin/env bash
# Builds the costwise image with Jib (no Docker daemon needed) and pushes it to Amazon ECR, then
# prints the image URI to pass to SageMaker as `image_uri`.
set -euo pipefail

usage() {
  cat <<USAGE
Usage: ./build_and_push.sh [options]

Builds the image with Jib and pushes it to ECR in your account:
  account   from 'aws sts get-caller-identity'
  region    from --region, else AWS_REGION / AWS_DEFAULT_REGION, else 'aws configure get region'
  registry  <account>.dkr.ecr.<region>.amazonaws.com; the repository is created if missing
  login     'aws ecr get-login-password' (AWS CLI v2), handed to Jib through a temporary
            Docker config, never on a command line

Options:
  --region REGION       AWS region (see above)
  --repository NAME     ECR repository (default: costwise)
  --tag TAG             image tag (default: the project version from pom.xml)
  --base-image REF      base image for Jib (default: the pom's, Temurin 17 JRE on ECR Public);
                        tar:///abs/path.tar for a local one
  --registry HOST[:PORT]
                        push to this registry instead of ECR (no AWS calls), e.g. a local one
  --insecure            allow plain HTTP for --registry (local test registries)
  --dry-run             print what would run, change nothing; needs no AWS CLI or
                        credentials (an unknown account or region is shown as <account>/<region>)
  -h, --help            this help
USAGE
}

region="" repository=costwise tag="" base_image="" registry="" insecure=false dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --region) region=${2:?--region needs a value}; shift 2 ;;
    --repository) repository=${2:?--repository needs a value}; shift 2 ;;
    --tag) tag=${2:?--tag needs a value}; shift 2 ;;
    --base-image) base_image=${2:?--base-image needs a value}; shift 2 ;;
    --registry) registry=${2:?--registry needs a value}; shift 2 ;;
    --insecure) insecure=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")"
die() { echo "build_and_push.sh: $*" >&2; exit 1; }
run() {
  if $dry_run; then printf 'would run:'; printf ' %q' "$@"; echo; else "$@"; fi
}

command -v mvn >/dev/null || die "Maven (mvn) is needed to build the image; install Maven 3.8+."
if [ -z "$tag" ]; then
  tag=$(mvn -q -N help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null) \
    || die "could not read the project version from pom.xml; give --tag."
fi

docker_config=$(mktemp -d)
trap 'rm -rf "$docker_config"' EXIT

if [ -z "$registry" ]; then
  if $dry_run; then
    # A dry run needs no AWS CLI and no credentials: what it cannot look up, it names.
    account=$(aws sts get-caller-identity --query Account --output text 2>/dev/null) || account=""
    if [ -z "$account" ]; then
      echo "dry run: no usable AWS credentials (or no AWS CLI); the account is shown as <account>." >&2
      account="<account>"
    fi
    region=${region:-${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null || true)}}}
    region=${region:-<region>}
    registry="$account.dkr.ecr.$region.amazonaws.com"
    echo "would create the ECR repository $repository in $region if it is missing:"
    run aws ecr create-repository --region "$region" --repository-name "$repository"
    echo "would log in: aws ecr get-login-password --region $region, into a temporary Docker config"
  else
    command -v aws >/dev/null || die "the AWS CLI v2 is not installed (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html); or push elsewhere with --registry."
    account=$(aws sts get-caller-identity --query Account --output text 2>/dev/null) \
      || die "no usable AWS credentials: run 'aws configure' (or set AWS_PROFILE / AWS_ACCESS_KEY_ID) and try again; --dry-run works without them."
    region=${region:-${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null || true)}}}
    [ -n "$region" ] || die "no AWS region: give --region, or set AWS_REGION, or run 'aws configure set region ...'."
    registry="$account.dkr.ecr.$region.amazonaws.com"
    if ! aws ecr describe-repositories --region "$region" --repository-names "$repository" >/dev/null 2>&1; then
      echo "creating ECR repository $repository in $region"
      aws ecr create-repository --region "$region" --repository-name "$repository" >/dev/null
    fi
    password=$(aws ecr get-login-password --region "$region") || die "could not log in to ECR in $region."
    auth=$(printf 'AWS:%s' "$password" | base64 | tr -d '\n')
    printf '{"auths": {"%s": {"auth": "%s"}}}\n' "$registry" "$auth" > "$docker_config/config.json"
  fi
fi

image="$registry/$repository:$tag"
source_url=$(git config --get remote.origin.url 2>/dev/null || echo unknown)
args=(-B -q package jib:build -DskipTests "-Djib.to.image=$image" "-Dimage.source=$source_url")
[ -n "$base_image" ] && args+=("-Djib.from.image=$base_image")
$insecure && args+=(-Djib.allowInsecureRegistries=true -DsendCredentialsOverHttp=true)
DOCKER_CONFIG=$docker_config run mvn "${args[@]}" >&2
echo "$image"
