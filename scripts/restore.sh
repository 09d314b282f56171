#!/usr/bin/env bash
# Restores a dump written by scripts/backup.sh into a fresh, empty database.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/restore.sh [-d DATABASE] [-h HOST] [-p PORT] [-U USER] DUMP_FILE

Restores DUMP_FILE (pg_dump -Fc, as scripts/backup.sh writes it) into DATABASE, which must exist and be
empty (createdb it first, owned by the user orderflow connects as). It refuses a database that already
holds tables, so a live database is never restored over. One transaction: on any error nothing is
restored and the exit status is non-zero. Objects are owned by the restoring user (--no-owner), and the
dump's grants are not replayed (--no-privileges), so a dump restores under another role name too.

Connection: the options, else the standard PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD (or
~/.pgpass) variables; -d also takes a connection string. The client tools must be of the server's major
version or newer: set PG_BIN to their directory (e.g. /usr/lib/postgresql/17/bin) when needed.

  -d DATABASE   the empty database to restore into (default: $PGDATABASE)
  -h HOST       server host (default: $PGHOST)
  -p PORT       server port (default: $PGPORT)
  -U USER       user name (default: $PGUSER)
  -?            this text

Then start orderflow on DATABASE: it finds its tables and Camunda's, and carries on where the backup was
taken (open tasks, pending emails, timers).
USAGE
}

fail() {
    echo "restore.sh: $*" >&2
    exit 1
}

database="${PGDATABASE:-}"
connection=()
while getopts ":d:h:p:U:?" option; do
    case "$option" in
        d) database="$OPTARG" ;;
        h) connection+=(--host "$OPTARG") ;;
        p) connection+=(--port "$OPTARG") ;;
        U) connection+=(--username "$OPTARG") ;;
        \?) if [ "$OPTARG" = "?" ]; then usage; exit 0; fi
            usage >&2; fail "unknown option -$OPTARG" ;;
        :) usage >&2; fail "option -$OPTARG needs a value" ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { usage >&2; fail "give exactly one dump file"; }
dump="$1"
[ -n "$database" ] || { usage >&2; fail "no database: give -d or set PGDATABASE"; }
[ -f "$dump" ] || fail "no such dump file: $dump"

bin="${PG_BIN:+$PG_BIN/}"
for tool in pg_restore psql; do
    command -v "${bin}$tool" >/dev/null \
        || fail "${bin}$tool not found: install the PostgreSQL client tools (Debian: postgresql-client) or set PG_BIN"
done

"${bin}pg_restore" --list "$dump" >/dev/null || fail "$dump is not a readable pg_dump custom-format file"

tables=$("${bin}psql" "${connection[@]}" --dbname "$database" --no-psqlrc --tuples-only --no-align \
    --command "select count(*) from pg_catalog.pg_tables
               where schemaname not in ('pg_catalog', 'information_schema')") \
    || fail "cannot connect to database $database (create it first: createdb ... $database)"
[ "$tables" -eq 0 ] || fail "database $database is not empty ($tables tables): restore into a fresh one"

"${bin}pg_restore" "${connection[@]}" --dbname "$database" --exit-on-error --single-transaction \
    --no-owner --no-privileges "$dump" || fail "pg_restore failed; the database is left as it was"
echo "restore.sh: restored $dump into $database"
