#!/usr/bin/env bash
# Installs the Debian 12 packages jbr needs to build, test and run, when any is missing.
# Safe to run again: it does nothing when everything is there. Needs root (or sudo) to install.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git clang clang-format clang-tidy libclang-rt-14-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15 libzip-dev libexpat1-dev nlohmann-json3-dev libfmt-dev libcli11-dev
  libcpp-httplib-dev libxlsxwriter-dev libsodium-dev libglpk-dev libmd4c-dev libmd4c-html0-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  time jq curl openssl
  wrk  # bench/portal_wrk.sh: HTTP load on loopback
  chromium chromium-headless-shell poppler-utils tidy libkainjow-mustache-dev fonts-dejavu-core fonts-open-sans python3
  libjemalloc-dev  # jbr's malloc: transparent huge pages for compute (docs/ARCHITECTURE.md)
  libqpdf-dev qpdf  # libqpdf: the contents numbers written into the report PDF, every PDF checked; qpdf: by hand
  nodejs
)
# The browser checks (tests/browser) need npm. Debian ships it as a package of its own; NodeSource's
# nodejs bundles it and conflicts with Debian's npm, so ask for npm only when no npm is there.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
# The tests start a PostgreSQL server of their own (tests/pg/server.sh) and stop it: the package
# must not create and start a cluster of its own that would keep running.
if [[ " ${missing[*]} " == *" postgresql-15 "* ]]; then
  $SUDO mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/jbr-no-main-cluster.conf >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
