#!/usr/bin/env bash
# pg_backup_restore_check.sh [-o DIR] [-t TARGET_URL] [DATABASE_URL]
#
# Backs up the PostgreSQL database (pg_dump custom format) and proves the backup restores:
# the dump is restored into a scratch database (on the same server, or -t's), and the rows
# of every table are counted and compared with the source. The source is counted inside the
# very snapshot pg_dump copies (an exported snapshot), so the check holds on a live site that
# keeps writing meanwhile. The scratch database is dropped afterwards.
#
#   -o DIR        keep the dump in DIR as kooperacja-YYYYmmdd-HHMMSS.dump (default: a
#                 temporary file, removed; use -o for the nightly backup itself)
#   -t TARGET_URL the server to restore on (its user needs CREATEDB), when the source is
#                 a read-only replica (default: the source's server)
#   DATABASE_URL  postgres://USER[:PASSWORD]@HOST:PORT/NAME (default: $DATABASE_URL);
#                 without -t, USER needs the CREATEDB privilege for the scratch database
#
# Exit status 0 when every table has the same row count in the restored copy, 1 otherwise.
# PostgreSQL client programs: from PATH, or PG_BIN=/usr/lib/postgresql/15/bin.
set -euo pipefail

KEEP_DIR=""
TARGET_URL=""
while getopts "o:t:h" opt; do
    case $opt in
        o) KEEP_DIR=$OPTARG ;;
        t) TARGET_URL=$OPTARG ;;
        h) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
SOURCE_URL=${1:-${DATABASE_URL:-}}
case $SOURCE_URL in
    postgres://* | postgresql://*) ;;
    *) echo "pg_backup_restore_check: give a postgres:// URL (argument or DATABASE_URL)" >&2; exit 2 ;;
esac

if [ -n "${PG_BIN:-}" ]; then
    PATH="$PG_BIN:$PATH"
elif ! command -v pg_restore >/dev/null; then
    PATH="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1):$PATH"
fi
for program in pg_dump pg_restore psql; do
    command -v "$program" >/dev/null || { echo "pg_backup_restore_check: $program not found" >&2; exit 2; }
done

# The same server and credentials, another database name (the URL's path).
with_database() {
    python3 -c 'import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$1" "$2"
}
SOURCE_NAME=$(python3 -c 'import sys, urllib.parse as u; print(u.unquote(u.urlsplit(sys.argv[1]).path.lstrip("/")))' "$SOURCE_URL")
SCRATCH_NAME="${SOURCE_NAME}_restore_check_$$"
SCRATCH_URL=$(with_database "${TARGET_URL:-$SOURCE_URL}" "$SCRATCH_NAME")
ADMIN_URL=$(with_database "${TARGET_URL:-$SOURCE_URL}" postgres)

WORK=$(mktemp -d /tmp/pg-restore-check.XXXXXX)
SCRATCH_MADE=""
SNAPSHOT_PID=""
cleanup() {
    if [ -n "$SNAPSHOT_PID" ]; then
        exec {SNAP_IN}>&- 2>/dev/null || true
        wait "$SNAPSHOT_PID" 2>/dev/null || true
    fi
    if [ -n "$SCRATCH_MADE" ]; then
        psql -X -q -d "$ADMIN_URL" -c "DROP DATABASE IF EXISTS \"$SCRATCH_NAME\"" >/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Rows per table of the public schema, one "table<TAB>count" line each, sorted.
COUNT_SQL="SELECT table_name || E'\t' || (xpath('/row/n/text()', query_to_xml(
    format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
  FROM information_schema.tables
 WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
 ORDER BY table_name;"

# A session that holds a repeatable-read snapshot open for pg_dump and the source counts.
mkfifo "$WORK/snap.in" "$WORK/snap.out"
psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$SOURCE_URL" <"$WORK/snap.in" >"$WORK/snap.out" 2>"$WORK/snap.err" &
SNAPSHOT_PID=$!
exec {SNAP_IN}>"$WORK/snap.in" {SNAP_OUT}<"$WORK/snap.out"
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"$SNAP_IN"
read -r -t 30 -u "$SNAP_OUT" SNAPSHOT || { cat "$WORK/snap.err" >&2; exit 1; }

STAMP=$(date +%Y%m%d-%H%M%S)
if [ -n "$KEEP_DIR" ]; then
    mkdir -p "$KEEP_DIR"
    DUMP="$KEEP_DIR/kooperacja-$STAMP.dump"
else
    DUMP="$WORK/kooperacja-$STAMP.dump"
fi
started=$SECONDS
pg_dump -Fc --snapshot="$SNAPSHOT" --no-owner -d "$SOURCE_URL" -f "$DUMP"
echo "dump: $DUMP ($(du -h "$DUMP" | cut -f1), $((SECONDS - started)) s)"

printf '%s\nSELECT '"'"'--end--'"'"';\n' "$COUNT_SQL" >&"$SNAP_IN"
: >"$WORK/source.counts"
while read -r -t 300 -u "$SNAP_OUT" line; do
    [ "$line" = "--end--" ] && break
    printf '%s\n' "$line" >>"$WORK/source.counts"
done
echo "COMMIT;" >&"$SNAP_IN"
exec {SNAP_IN}>&-
wait "$SNAPSHOT_PID" || { cat "$WORK/snap.err" >&2; exit 1; }
SNAPSHOT_PID=""

psql -X -q -v ON_ERROR_STOP=1 -d "$ADMIN_URL" -c "CREATE DATABASE \"$SCRATCH_NAME\" TEMPLATE template0" >/dev/null
SCRATCH_MADE=1
started=$SECONDS
# Extensions the migrations create (unaccent, the Polish dictionary's) come with the dump.
pg_restore --exit-on-error --no-owner -d "$SCRATCH_URL" "$DUMP"
echo "restore into $SCRATCH_NAME: $((SECONDS - started)) s"
psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$SCRATCH_URL" -c "$COUNT_SQL" >"$WORK/restored.counts"

tables=$(wc -l <"$WORK/source.counts")
rows=$(awk -F '\t' '{ n += $2 } END { print n + 0 }' "$WORK/source.counts")
if [ "$tables" -eq 0 ]; then
    echo "FAILED: the source database has no tables in the public schema" >&2
    exit 1
fi
if ! diff -u --label source --label restored "$WORK/source.counts" "$WORK/restored.counts"; then
    echo "FAILED: the restored copy differs from the source (table<TAB>rows above)" >&2
    exit 1
fi
echo "OK: $tables tables, $rows rows restored with the same counts"
