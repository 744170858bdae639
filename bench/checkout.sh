#!/usr/bin/env bash
# Checkout of one hot SKU at one store, driven by wrk (a client that takes little of the two cores,
# unlike bench/checkout-load.py), with the bare Hummingbird route measured in the same run.
#
#   bench/checkout.sh [--seconds 10] [--carts 40000] [--connections 32] [--postgres] [--pasar PATH]
#
# Every checkout is click & collect of P0000001-S at berlin-mitte, so every one competes for the same
# stock row (the worst case). The carts (one line each) are opened before the clock starts; wrk then
# checks each out at most once, with its own Idempotency-Key, for --seconds. A row whose wrk threads ran
# out of carts says so (its rate is then a lower bound: open more carts).
# --postgres adds the same run on two processes sharing a throwaway PostgreSQL (bench/postgres.sh), each
# process with half the carts and connections. Client CPU is wrk's own (user + system) over the run.
set -euo pipefail
cd "$(dirname "$0")/.."

carts=40000
connections=32
postgres=no
seconds=10
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift ;;
        --carts) carts="$2"; shift ;;
        --connections) connections="$2"; shift ;;
        --postgres) postgres=yes ;;
        --pasar) pasar="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

. bench/lib.sh
bin="$(release_binaries)"
pasar="${pasar:-$bin/pasar}"
admin_key="bench-admin-key-0123456789"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ "$postgres" = yes ]; then
        psql -q "$server_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
        PASAR_PG_DIR=/tmp/pasar-bench-pg bench/postgres.sh stop
    fi
    rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/checkout.lua" <<'LUA'
-- wrk script: checks out each cart of a file at most once (the carts of this thread: every n-th line)
-- for wrk's duration; done() prints how many were placed and whether any thread ran out of carts.
local threads = {}
function setup(thread)
    thread:set("number", #threads)
    table.insert(threads, thread)
end

function init(args)
    local file, count = args[1], tonumber(args[2])
    carts = {}
    local index = 0
    for line in io.lines(file) do
        if index % count == number then carts[#carts + 1] = line end
        index = index + 1
    end
    sent, placed, refused, left = 0, 0, 0, #carts
end

function request()
    sent = sent + 1
    -- A thread that has no cart left waits on a cheap read (reported as ran out below).
    if sent > #carts then left = 0; return wrk.format("GET", "/healthz") end
    left = #carts - sent
    local cart = carts[sent]
    return wrk.format("POST", "/v1/carts/" .. cart .. "/checkout",
        {["Content-Type"] = "application/json", ["Idempotency-Key"] = "bench-" .. cart},
        '{"fulfilment":{"type":"collect","store":"berlin-mitte"}}')
end

function response(status, headers, body)
    if status == 201 then placed = placed + 1 elseif status ~= 200 then refused = refused + 1 end
end

function done(summary, latency, requests)
    local placed, refused, ran_out = 0, 0, 0
    for _, thread in ipairs(threads) do
        placed = placed + thread:get("placed")
        refused = refused + thread:get("refused")
        if thread:get("left") == 0 then ran_out = ran_out + 1 end
    end
    io.write(string.format("placed %d refused %d ran-out %d\n", placed, refused, ran_out))
end
LUA

# Runs wrk against $1 (a base URL) with the carts in $2 and $3 connections for $seconds; prints the wrk
# report, the script's "placed N refused N ran-out N" and a last line "client-cpu SECONDS".
run_checkouts() {
    python3 - "$1" "$2" "$3" "$seconds" "$work/checkout.lua" <<'PY'
import resource, subprocess, sys
url, carts, share, seconds, script = sys.argv[1:]
subprocess.run(["wrk", "-t2", f"-c{share}", f"-d{seconds}s", "--timeout", "30s", "--latency", "-s", script, url, "--", carts, "2"], check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"client-cpu {usage.ru_utime + usage.ru_stime:.2f}")
PY
}

# Opens $3 carts through the server at port $1 (not timed) and writes their ids to $2.
open_carts() {
    python3 bench/checkout-load.py --port "$1" --admin-key "$admin_key" --checkouts "$3" --workers 16 \
        --market de --store berlin-mitte --sku P0000001-S --carts-out "$2" >/dev/null
}

# Prints a table row from the wrk reports in $3... for setup $1 with server CPU seconds $2.
report_row() {
    python3 - "$@" <<'PY'
import re, sys
setup, server_cpu, paths = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
texts = [open(path).read() for path in paths]
def latency(text, label):
    value, unit = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", text, re.M).groups()
    return float(value) / 1000 if unit == "us" else float(value) * 1000 if unit == "s" else float(value)
def seconds(text):
    value, unit = re.search(r"requests in ([\d.]+)(ms|s|m)", text).groups()
    return float(value) / 1000 if unit == "ms" else float(value) * 60 if unit == "m" else float(value)
def count(text, label):
    return int(re.search(rf"{label} (\d+)", text).group(1))
elapsed = max(seconds(text) for text in texts)
placed = sum(count(text, "placed") for text in texts)
refused = sum(count(text, "refused") for text in texts)
ran_out = sum(count(text, "ran-out") for text in texts)
errors = sum(int(n) for text in texts for n in re.findall(r"Socket errors: .*?timeout (\d+)", text))
client = sum(float(re.search(r"client-cpu ([\d.]+)", text).group(1)) for text in texts)
p50, p90, p99 = (max(latency(text, label) for text in texts) for label in (50, 90, 99))
note = f" (ran out of carts: a lower bound)" if ran_out else ""
print(f"| {setup} | {placed} | {elapsed:.1f} | {placed / elapsed:.0f}{note} | {p50:.2f} | {p90:.2f} | {p99:.2f} | {refused} | {errors} "
      f"| {100 * server_cpu / elapsed:.0f} | {100 * client / elapsed:.0f} |")
PY
}

"$bin/BareServer" 18390 >/dev/null 2>&1 &
pids+=($!)
bare_pid=$!
wait_for "http://127.0.0.1:18390/bare" "$bare_pid"
python3 bench/generate-catalog.py 1000 >"$work/catalog.jsonl"

echo "# Checkout — $(date -u +%Y-%m-%d), $(nproc) cores, release, one SKU at one store, wrk -t2 -c$connections -d${seconds}s"
echo
read -r bare_rate bare_p50 bare_p99 _ _ <<<"$(measure "$bare_pid" http://127.0.0.1:18390/bare)"
echo "Bare Hummingbird route in the same run: $bare_rate req/s (p99 $bare_p99 ms, wrk -c$connections -d${seconds}s)."
echo
echo "| setup | orders placed | seconds | checkouts/s | p50 ms | p90 ms | p99 ms | refused | timeouts | server CPU % | client CPU % |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

"$pasar" import "$work/catalog.jsonl" --db "$work/pasar.sqlite" >/dev/null
"$pasar" serve --db "$work/pasar.sqlite" --port 18380 --admin-key "$admin_key" --allow-anonymous --rate-limit 0 --log-level error >/dev/null 2>&1 &
pids+=($!)
sqlite_pid=$!
wait_for "http://127.0.0.1:18380/healthz" "$sqlite_pid"
open_carts 18380 "$work/sqlite-carts" "$carts"
before=$(cpu_seconds "$sqlite_pid")
run_checkouts http://127.0.0.1:18380 "$work/sqlite-carts" "$connections" >"$work/sqlite.txt"
after=$(cpu_seconds "$sqlite_pid")
report_row "SQLite, 1 process" "$(python3 -c "print($after - $before)")" "$work/sqlite.txt"
kill "$sqlite_pid"

if [ "$postgres" = yes ]; then
    server_url=$(PASAR_PG_DIR=/tmp/pasar-bench-pg PASAR_PG_PORT=54339 bench/postgres.sh start)
    database="pasar_bench_$$"
    postgres_url="${server_url%/postgres*}/$database?sslmode=disable"
    psql -q "$server_url" -c "CREATE DATABASE $database"
    "$pasar" import "$work/catalog.jsonl" --db "$postgres_url" >/dev/null
    ports=(18381 18382)
    servers=()
    for port in "${ports[@]}"; do
        "$pasar" serve --db "$postgres_url" --port "$port" --admin-key "$admin_key" --allow-anonymous --rate-limit 0 --log-level error >/dev/null 2>&1 &
        pids+=($!)
        servers+=($!)
        wait_for "http://127.0.0.1:$port/healthz" $!
    done
    open_carts 18381 "$work/pg-carts" "$carts"
    half=$(((carts + 1) / 2))
    head -n "$half" "$work/pg-carts" >"$work/pg-carts-a"
    tail -n +"$((half + 1))" "$work/pg-carts" >"$work/pg-carts-b"
    before=$(python3 -c "print($(cpu_seconds "${servers[0]}") + $(cpu_seconds "${servers[1]}"))")
    run_checkouts http://127.0.0.1:18381 "$work/pg-carts-a" $((connections / 2)) >"$work/pg-a.txt" &
    first=$!
    run_checkouts http://127.0.0.1:18382 "$work/pg-carts-b" $((connections / 2)) >"$work/pg-b.txt"
    wait "$first"
    after=$(python3 -c "print($(cpu_seconds "${servers[0]}") + $(cpu_seconds "${servers[1]}"))")
    report_row "PostgreSQL, 2 processes" "$(python3 -c "print($after - $before)")" "$work/pg-a.txt" "$work/pg-b.txt"
fi
