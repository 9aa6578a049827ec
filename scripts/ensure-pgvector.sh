#!/usr/bin/env bash
# Makes the pgvector extension available to the local PostgreSQL server.
# Debian bookworm ships no pgvector package, so it is built from Debian's own
# source package (suite trixie) against postgresql-server-dev-<major>.
# Idempotent: a no-op when the extension's control file is already installed.
set -euo pipefail

pg_major="${PG_MAJOR:-$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)}"
if [ -z "$pg_major" ]; then
  echo "ensure-pgvector: no local PostgreSQL found under /etc/postgresql" >&2
  exit 1
fi
control="/usr/share/postgresql/${pg_major}/extension/vector.control"
if [ -f "$control" ]; then
  echo "ensure-pgvector: pgvector already installed for PostgreSQL ${pg_major}"
  exit 0
fi

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

echo "ensure-pgvector: building pgvector for PostgreSQL ${pg_major} from Debian's source package"
src_list=/etc/apt/sources.list.d/casehound-trixie-src.list
if [ ! -f "$src_list" ]; then
  echo "deb-src http://deb.debian.org/debian trixie main" | $sudo_cmd tee "$src_list" >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends \
  "postgresql-server-dev-${pg_major}" build-essential dpkg-dev >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  apt-get source -qq pgvector >/dev/null 2>&1 || apt-get source pgvector
  cd "$(find . -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
  make -s PG_CONFIG="/usr/lib/postgresql/${pg_major}/bin/pg_config" >/dev/null
  $sudo_cmd make -s install PG_CONFIG="/usr/lib/postgresql/${pg_major}/bin/pg_config" >/dev/null
)
test -f "$control"
echo "ensure-pgvector: installed $(grep default_version "$control")"
