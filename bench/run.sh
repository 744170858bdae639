#!/usr/bin/env bash
# HTTP benchmarks of Pasar against a bare Hummingbird route measured in the same run.
#
#   bench/run.sh                 1k and 100k products, 10 s per scenario (release build)
#   bench/run.sh --sizes "1000 100000 1000000" --seconds 20
#   bench/run.sh --smoke         1k products, 2 s per scenario, debug build (CI keeps it from rotting)
#
# Needs wrk (Debian: apt-get install wrk) and python3. Prints a Markdown table per catalog size:
# requests/s, p50, p99, errors, the ratio to the bare route, server RSS and CPU.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="1000 100000"
seconds=10
connections=64
configuration=release
# Ports of the bare reference and of Pasar; the smoke run uses others so it can run beside a full run.
bare_port=18090
pasar_port=18080
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) sizes="1000"; seconds=2; configuration=debug; bare_port=18290; pasar_port=18280 ;;
        --sizes) sizes="$2"; shift ;;
        --seconds) seconds="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

if [ "$configuration" = release ]; then
    swift build -c release --scratch-path .build-release --product pasar >&2
    swift build -c release --scratch-path .build-release --product BareServer >&2
    bin="$(swift build -c release --scratch-path .build-release --show-bin-path)"
else
    swift build --product pasar >&2
    swift build --product BareServer >&2
    bin="$(swift build --show-bin-path)"
fi

work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Waits until $1 answers; gives up when process $2 has ended (a port in use, say).
wait_for() {
    for _ in $(seq 1 240); do
        curl -fs "$1" >/dev/null 2>&1 && return 0
        kill -0 "$2" 2>/dev/null || { echo "the server for $1 has exited" >&2; exit 1; }
        sleep 0.25
    done
    echo "no answer from $1" >&2
    exit 1
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Runs wrk and prints "req/s p50 p99 errors cpu%" for the server process $1.
measure() {
    local pid="$1" url="$2" script="${3:-}"
    local before after output
    before="$(cpu_seconds "$pid")"
    if [ -n "$script" ]; then
        output="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$url")"
    else
        output="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")"
    fi
    after="$(cpu_seconds "$pid")"
    python3 - "$output" "$before" "$after" "$seconds" <<'PY'
import re, sys
text, before, after, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
def latency(label):
    match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", text, re.M)
    if not match: return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
errors += sum(int(n) for n in re.findall(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)[0]) if "Socket errors" in text else 0
print(f"{rate:.0f} {latency(50):.2f} {latency(99):.2f} {errors} {100 * (after - before) / seconds:.0f}")
PY
}

"$bin/BareServer" $bare_port >/dev/null 2>&1 &
pids+=($!)
bare_pid=$!
wait_for "http://127.0.0.1:$bare_port/bare" "$bare_pid"

echo "# Pasar benchmarks — $(date -u +%Y-%m-%d), $(nproc) cores ($(lscpu | sed -n 's/^Model name:\s*//p')), $configuration build, wrk -t2 -c$connections -d${seconds}s"
for size in $sizes; do
    python3 bench/generate-catalog.py "$size" >"$work/catalog-$size.jsonl"
    db="$work/pasar-$size.sqlite"
    start=$(date +%s.%N)
    "$bin/pasar" import "$work/catalog-$size.jsonl" --db "$db" >/dev/null
    import_seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")

    "$bin/pasar" serve --db "$db" --port $pasar_port --allow-anonymous --rate-limit 0 --log-level error >/dev/null 2>&1 &
    pids+=($!)
    pasar_pid=$!
    wait_for "http://127.0.0.1:$pasar_port/healthz" "$pasar_pid"

    # Carts for the cart scenarios: 256 carts, lines added round-robin over 5 products (a typical cart size).
    python3 - "$work" "$pasar_port" <<'PY'
import json, sys, urllib.request
work, port = sys.argv[1], sys.argv[2]
ids = []
for _ in range(256):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/carts", data=json.dumps({"market": "de", "lines": [{"sku": "P0000001-S"}]}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    ids.append(json.load(urllib.request.urlopen(request))["id"])
open(f"{work}/carts.lua", "w").write("carts = {" + ",".join(f'"{i}"' for i in ids) + "}\n")
PY
    cat "$work/carts.lua" - >"$work/add-line.lua" <<'LUA'
counter = 0
request = function()
    counter = counter + 1
    local cart = carts[(counter % #carts) + 1]
    local sku = string.format("P%07d-S", (counter % 5) + 2)
    return wrk.format("POST", "/v1/carts/" .. cart .. "/lines", {["Content-Type"] = "application/json"}, '{"sku":"' .. sku .. '"}')
end
LUA
    cat "$work/carts.lua" - >"$work/get-cart.lua" <<'LUA'
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", "/v1/carts/" .. carts[(counter % #carts) + 1])
end
LUA

    read -r bare_rate bare_p50 bare_p99 bare_errors bare_cpu <<<"$(measure "$bare_pid" http://127.0.0.1:$bare_port/bare)"
    echo
    echo "## $size products (import: ${import_seconds} s)"
    echo
    echo "| scenario | req/s | ratio to bare | p50 ms | p99 ms | errors | server CPU % |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    echo "| bare Hummingbird route (reference) | $bare_rate | 1.00 | $bare_p50 | $bare_p99 | $bare_errors | $bare_cpu |"
    run() {
        local name="$1" url="$2" script="${3:-}"
        read -r rate p50 p99 errors cpu <<<"$(measure "$pasar_pid" "$url" "$script")"
        ratio=$(python3 -c "print(f'{$rate / $bare_rate:.2f}')")
        echo "| $name | $rate | $ratio | $p50 | $p99 | $errors | $cpu |"
    }
    run "product detail" "http://127.0.0.1:$pasar_port/v1/markets/de/products/p0000042?lang=de"
    run "product list page (20)" "http://127.0.0.1:$pasar_port/v1/markets/de/products?lang=de&limit=20"
    run "product search" "http://127.0.0.1:$pasar_port/v1/markets/de/products?lang=de&q=kaffee%20tee"
    run "get cart" "http://127.0.0.1:$pasar_port/" "$work/get-cart.lua"
    run "add line" "http://127.0.0.1:$pasar_port/" "$work/add-line.lua"
    echo
    echo "Server RSS after the run: $(rss_mb "$pasar_pid") MB"
    kill "$pasar_pid"
    wait "$pasar_pid" 2>/dev/null || true
done
