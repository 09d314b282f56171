#!/usr/bin/env bash
# The docker compose "backup" service: scripts/backup.sh once at start, then every night.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/nightly-backup.sh

Runs scripts/backup.sh -D "$BACKUP_DIR" -k "$BACKUP_KEEP_DAYS" once now and then every day at
$BACKUP_AT (HH:MM, UTC), for ever. A failed backup is reported on stderr and tried again the next
night; the compose service's health check turns unhealthy when no dump is younger than 26 hours.
Connection from the standard PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE variables.

  BACKUP_DIR        where the dumps go (default: /backups)
  BACKUP_AT         time of day, UTC (default: 02:00)
  BACKUP_KEEP_DAYS  dumps older than this are deleted after a good backup (default: 14)
USAGE
}

if [ $# -gt 0 ]; then
    usage
    [ "$1" = "-?" ] || [ "$1" = "--help" ] && exit 0
    exit 1
fi

directory="${BACKUP_DIR:-/backups}"
at="${BACKUP_AT:-02:00}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
[[ "$at" =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || { echo "nightly-backup.sh: BACKUP_AT must be HH:MM, not '$at'" >&2; exit 1; }
here="$(dirname "$0")"

while true; do
    "$here/backup.sh" -D "$directory" -k "$keep_days" || echo "nightly-backup.sh: the backup failed" >&2
    now=$(date -u +%s)
    next=$(date -u -d "today $at" +%s)
    [ "$next" -gt "$now" ] || next=$(date -u -d "tomorrow $at" +%s)
    sleep $((next - now))
done
