#!/usr/bin/env bash
# A logical backup of orderflow's database (pg_dump custom format), checked before it is kept.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/backup.sh [-d DATABASE] [-h HOST] [-p PORT] [-U USER] [-o FILE | -D DIRECTORY] [-k DAYS]

Backs up one PostgreSQL database with pg_dump -Fc (everything orderflow keeps: orders, revisions, audit
events, notifications, reports, and Camunda's processes, tasks, jobs and history) into FILE, or into
DIRECTORY as orderflow-<UTC timestamp>.dump. The dump is written under a temporary name, checked with
pg_restore --list, and only then renamed, so a file with the final name is a complete, readable dump.

Connection: the options, else the standard PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD (or
~/.pgpass) variables; -d also takes a connection string (postgresql://user@host:5432/orderflow).
The client tools must be of the server's major version or newer (pg_dump refuses a newer server):
set PG_BIN to their directory (e.g. /usr/lib/postgresql/17/bin) when the default ones are older.

  -d DATABASE   database name or connection string (default: $PGDATABASE, else orderflow)
  -h HOST       server host (default: $PGHOST)
  -p PORT       server port (default: $PGPORT)
  -U USER       user name (default: $PGUSER)
  -o FILE       write the dump to FILE
  -D DIRECTORY  write orderflow-<timestamp>.dump into DIRECTORY (default: ./backups)
  -k DAYS       with -D: then delete the dumps in DIRECTORY older than DAYS days
  -?            this text

Exit status: 0 when the dump was written and checked, non-zero otherwise (nothing is left behind).
USAGE
}

fail() {
    echo "backup.sh: $*" >&2
    exit 1
}

database="${PGDATABASE:-orderflow}"
output=""
directory="./backups"
keep_days=""
connection=()
while getopts ":d:h:p:U:o:D:k:?" option; do
    case "$option" in
        d) database="$OPTARG" ;;
        h) connection+=(--host "$OPTARG") ;;
        p) connection+=(--port "$OPTARG") ;;
        U) connection+=(--username "$OPTARG") ;;
        o) output="$OPTARG" ;;
        D) directory="$OPTARG" ;;
        k) keep_days="$OPTARG" ;;
        \?) if [ "$OPTARG" = "?" ]; then usage; exit 0; fi
            usage >&2; fail "unknown option -$OPTARG" ;;
        :) usage >&2; fail "option -$OPTARG needs a value" ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || { usage >&2; fail "unexpected argument: $1"; }
[ -z "$keep_days" ] || [ -z "$output" ] || fail "-k prunes a directory of dumps: use it with -D, not -o"
if [ -n "$keep_days" ] && ! [[ "$keep_days" =~ ^[0-9]+$ ]]; then
    fail "-k needs a whole number of days, not '$keep_days'"
fi

bin="${PG_BIN:+$PG_BIN/}"
for tool in pg_dump pg_restore; do
    command -v "${bin}$tool" >/dev/null \
        || fail "${bin}$tool not found: install the PostgreSQL client tools (Debian: postgresql-client) or set PG_BIN"
done

in_directory=""
if [ -z "$output" ]; then
    in_directory=yes
    mkdir -p "$directory"
    output="$directory/orderflow-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi
[ ! -e "$output" ] || fail "$output exists already; refusing to overwrite a backup"

partial="$output.partial"
trap 'rm -f "$partial"' EXIT
"${bin}pg_dump" "${connection[@]}" --dbname "$database" --format custom --file "$partial" \
    || fail "pg_dump failed; no backup written"
"${bin}pg_restore" --list "$partial" >/dev/null || fail "the dump does not read back (pg_restore --list)"
mv "$partial" "$output"
trap - EXIT
echo "backup.sh: wrote $output ($(wc -c <"$output") bytes)"

if [ -n "$keep_days" ] && [ -n "$in_directory" ]; then
    find "$directory" -maxdepth 1 -name 'orderflow-*.dump' -mtime +"$keep_days" -print -delete \
        | sed 's/^/backup.sh: deleted old backup /'
fi
