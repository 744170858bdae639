#!/usr/bin/env bash
# The cart path alone, against the bare Hummingbird route in the same run: product detail (a read for
# reference), get cart and add line (64 connections, closed loop); checkout is bench/checkout-load.py.
# Faster to repeat than bench/run.sh while working on writes.
#
#   bench/cart-writes.sh [--size 1000] [--seconds 10] [--pasar PATH]
#
# --pasar runs another build of pasar (an earlier commit's, for a before/after in the same session).
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
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$bin/BareServer" 18390 >/dev/null 2>&1 &
pids+=($!)
bare_pid=$!
wait_for "http://127.0.0.1:18390/bare" "$bare_pid"
python3 bench/generate-catalog.py "$size" >"$work/catalog.jsonl"
"$pasar" import "$work/catalog.jsonl" --db "$work/pasar.sqlite" >/dev/null 2>&1
"$pasar" serve --db "$work/pasar.sqlite" --port 18380 --allow-anonymous --rate-limit 0 --log-level error >/dev/null 2>&1 &
pids+=($!)
pasar_pid=$!
wait_for "http://127.0.0.1:18380/healthz" "$pasar_pid"
make_cart_scripts "$work" 18380

echo "# Cart writes — $(date -u +%Y-%m-%d), $(nproc) cores, $size products, release build, wrk -t2 -c$connections -d${seconds}s"
echo
echo "| scenario | req/s | ratio to bare | p50 ms | p99 ms | errors | server CPU % |"
echo "|---|---:|---:|---:|---:|---:|---:|"
read -r bare_rate p50 p99 errors cpu <<<"$(measure "$bare_pid" http://127.0.0.1:18390/bare)"
echo "| bare Hummingbird route | $bare_rate | 1.00 | $p50 | $p99 | $errors | $cpu |"
read -r rate p50 p99 errors cpu <<<"$(measure "$pasar_pid" "http://127.0.0.1:18380/v1/markets/de/products/p0000042?lang=de")"
echo "| product detail (reference read) | $rate | $(python3 -c "print(f'{$rate / $bare_rate:.3f}')") | $p50 | $p99 | $errors | $cpu |"
for scenario in get-cart add-line; do
    read -r rate p50 p99 errors cpu <<<"$(measure "$pasar_pid" http://127.0.0.1:18380/ "$work/$scenario.lua")"
    echo "| ${scenario/-/ } | $rate | $(python3 -c "print(f'{$rate / $bare_rate:.3f}')") | $p50 | $p99 | $errors | $cpu |"
done
