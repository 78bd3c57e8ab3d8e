#!/usr/bin/env bash
# Installs what agent360 needs on a fresh Debian machine, only when missing.
#   scripts/install-deps.sh build   - C libraries the build links against
#   scripts/install-deps.sh test    - plus Prometheus, kubectl and the Python clients the tests start
#   scripts/install-deps.sh bench   - plus wrk and hyperfine
#   scripts/install-deps.sh soak    - plus matplotlib (the soak test's chart)
set -euo pipefail
level="${1:-build}"

build_packages=(libsnappy-dev libprotobuf-c-dev protobuf-c-compiler libcurl4-openssl-dev zlib1g-dev libre2-dev libcrypt-dev pkg-config)
test_packages=(prometheus python3-pip)
bench_packages=(wrk hyperfine util-linux valgrind)

wanted=("${build_packages[@]}")
case "$level" in
  build) ;;
  test) wanted+=("${test_packages[@]}") ;;
  bench) wanted+=("${test_packages[@]}" "${bench_packages[@]}") ;;
  soak) wanted+=("${test_packages[@]}" "${bench_packages[@]}") ;;
  *) echo "usage: $0 build|test|bench|soak" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "$level" != build ] && ! command -v kubectl >/dev/null 2>&1; then
  missing+=(kubernetes-client)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$level" != build ]; then
  python=$(command -v python3)
  if ! "$python" -c "import kubernetes, kubernetes_validate, prometheus_client" 2>/dev/null; then
    echo "installing Python packages: kubernetes kubernetes-validate prometheus_client"
    "$python" -m pip install --quiet --disable-pip-version-check kubernetes kubernetes-validate prometheus_client \
      || "$python" -m pip install --quiet --break-system-packages kubernetes kubernetes-validate prometheus_client
  fi
fi
if [ "$level" = soak ] && ! "$python" -c "import matplotlib" 2>/dev/null; then
  echo "installing Python packages: matplotlib"
  "$python" -m pip install --quiet --disable-pip-version-check matplotlib \
    || "$python" -m pip install --quiet --break-system-packages matplotlib
fi
