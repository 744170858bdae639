#!/usr/bin/env bash
# Product reads and cart writes on one SQLite process versus two processes sharing PostgreSQL, with a
# bare Hummingbird route measured in the same run as the reference.
#
#   bench/scale-out.sh                      1k products, 10 s per scenario (release build)
#   bench/scale-out.sh --size 100000 --seconds 20
#   bench/scale-out.sh --pasar /tmp/pasar-old   another build of pasar (an earlier commit's), for a before/after
#
# Starts its own PostgreSQL with bench/postgres.sh (Debian's `postgresql` package) and needs wrk and python3.
# The two processes get one wrk each with half the connections (no load balancer in between); every
# process, the database server and wrk share this machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."

size=1000
seconds=10
connections=64
while [ $# -gt 0 ]; do
    case "$1" in
        --size) size="$2"; shift ;;
        --seconds) seconds="$2"; shift ;;
        --pasar) pasar="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

. bench/lib.sh
bin="$(release_binaries)"
pasar="${pasar:-$bin/pasar}"

server_url=$(PASAR_PG_DIR=/tmp/pasar-bench-pg PASAR_PG_PORT=54339 bench/postgres.sh start)
database="pasar_bench_$$"
postgres_url="${server_url%/postgres*}/$database?sslmode=disable"
psql -q "$server_url" -c "CREATE DATABASE $database"

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    psql -q "$server_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
    PASAR_PG_DIR=/tmp/pasar-bench-pg bench/postgres.sh stop
    rm -rf "$work"
}
trap cleanup EXIT

python3 bench/generate-catalog.py "$size" >"$work/catalog.jsonl"
"$pasar" import "$work/catalog.jsonl" --db "$work/pasar.sqlite" >/dev/null
"$pasar" import "$work/catalog.jsonl" --db "$postgres_url" >/dev/null

start_server() { # port database
    "$pasar" serve --db "$2" --port "$1" --allow-anonymous --rate-limit 0 --log-level error >/dev/null 2>&1 &
    wait_for "http://127.0.0.1:$1/healthz" $!
    echo $!
}

"$bin/BareServer" 18390 >/dev/null 2>&1 &
pids+=($!)
bare_pid=$!
wait_for "http://127.0.0.1:18390/bare" "$bare_pid"
sqlite_pid=$(start_server 18391 "$work/pasar.sqlite")
pg_a=$(start_server 18392 "$postgres_url")
pg_b=$(start_server 18393 "$postgres_url")
pids+=("$sqlite_pid" "$pg_a" "$pg_b")

mkdir -p "$work/sqlite" "$work/postgres"
make_cart_scripts "$work/sqlite" 18391
make_cart_scripts "$work/postgres" 18392 18393

read -r bare_rate bare_p50 bare_p99 bare_errors bare_cpu <<<"$(measure "$bare_pid" http://127.0.0.1:18390/bare)"
echo "# Scale-out — $(date -u +%Y-%m-%d), $(nproc) cores ($(lscpu | sed -n 's/^Model name:\s*//p')), release, $size products, wrk -c$connections -d${seconds}s"
echo
echo "| scenario | setup | req/s | ratio to bare | p50 ms | p99 ms | errors | Pasar CPU % | PostgreSQL CPU % |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
echo "| bare Hummingbird route (reference) | 1 process | $bare_rate | 1.00 | $bare_p50 | $bare_p99 | $bare_errors | $bare_cpu | – |"
# CPU seconds of the benchmark's PostgreSQL server and its backends (pooled connections live
# through the run, so their counters cover it).
postmaster=$(head -1 /tmp/pasar-bench-pg/data/postmaster.pid)
database_cpu() {
    local total=0 pid
    for pid in "$postmaster" $(pgrep -P "$postmaster"); do total=$(python3 -c "print($total + $(cpu_seconds "$pid" 2>/dev/null || echo 0))"); done
    echo "$total"
}
row() { # name setup targets script
    local before after
    before=$(database_cpu)
    read -r rate p50 p99 errors cpu <<<"$(measure_spread "$3" "${4:-}")"
    after=$(database_cpu)
    echo "| $1 | $2 | $rate | $(python3 -c "print(f'{$rate / $bare_rate:.2f}')") | $p50 | $p99 | $errors | $cpu | $(python3 -c "print(f'{100 * ($after - $before) / $seconds:.0f}')") |"
}
product="/v1/markets/de/products/p0000042?lang=de"
row "product detail" "SQLite, 1 process" "$sqlite_pid http://127.0.0.1:18391$product"
row "product detail" "PostgreSQL, 2 processes" "$pg_a http://127.0.0.1:18392$product $pg_b http://127.0.0.1:18393$product"
row "add line" "SQLite, 1 process" "$sqlite_pid http://127.0.0.1:18391/" "$work/sqlite/add-line.lua"
row "add line" "PostgreSQL, 2 processes" "$pg_a http://127.0.0.1:18392/ $pg_b http://127.0.0.1:18393/" "$work/postgres/add-line.lua"
row "get cart" "SQLite, 1 process" "$sqlite_pid http://127.0.0.1:18391/" "$work/sqlite/get-cart.lua"
row "get cart" "PostgreSQL, 2 processes" "$pg_a http://127.0.0.1:18392/ $pg_b http://127.0.0.1:18393/" "$work/postgres/get-cart.lua"
