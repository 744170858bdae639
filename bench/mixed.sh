#!/usr/bin/env bash
# Browsing, carting and checkout together on one SQLite process, in the proportions of a shop's
# traffic, with the bare Hummingbird route measured in the same run.
#
#   bench/mixed.sh [--size 1000] [--seconds 20] [--pasar PATH]
#
# Of every 100 requests (wrk -t2 -c64, closed loop):
#   84 browse: 40 product pages, 20 list and category pages (sorts and pages), 16 searches from a
#      query log (bench/generate-queries.py), 8 search-box suggestions; languages de, en, tr;
#    7 get a cart, 7 add a line (two of the seven open a new cart with its first line),
#    2 check a cart out (click & collect at berlin-mitte, each cart once, the oldest open cart first).
# Lines are drawn from 50 SKUs stocked for the run, so checkouts of different carts meet on the same
# stock rows as a shop's best sellers do. Browsing pages come from the page cache after their first
# request, as in production; the cart and checkout requests are never cached.
set -euo pipefail
cd "$(dirname "$0")/.."

size=1000
seconds=20
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
admin_key="bench-admin-key-0123456789"
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
"$pasar" serve --db "$work/pasar.sqlite" --port 18380 --admin-key "$admin_key" --allow-anonymous --rate-limit 0 --log-level error >/dev/null 2>&1 &
pids+=($!)
pasar_pid=$!
wait_for "http://127.0.0.1:18380/healthz" "$pasar_pid"

# The browsing paths, in their proportions (40 : 20 : 16 : 8), shuffled into one list.
python3 bench/generate-queries.py "$size" 1600 --langs de,en,tr >"$work/search.txt"
python3 bench/generate-queries.py "$size" 800 --suggest --langs de,en,tr >"$work/suggest.txt"
python3 - "$size" "$work" <<'PY'
import random, sys
size, work = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
langs = ["de", "en", "tr"]
paths = [f"/v1/markets/de/products/p{rng.randrange(size):07d}?lang={rng.choice(langs)}" for _ in range(4000)]
sorts = ["", "&sort=price", "&sort=name", "&sort=id"]
for _ in range(2000):
    top = rng.randrange(1, 21)
    category = f"cat-{top:02d}" if rng.random() < 0.5 else f"cat-{top:02d}-{rng.randrange(1, 10):02d}"
    where = "" if rng.random() < 0.2 else f"&category={category}"
    paths.append(f"/v1/markets/de/products?lang={rng.choice(langs)}&limit=20{where}{rng.choice(sorts)}")
paths += [line.strip() for line in open(f"{work}/search.txt") if line.strip()]
paths += [line.strip() for line in open(f"{work}/suggest.txt") if line.strip()]
rng.shuffle(paths)
open(f"{work}/browse.txt", "w").write("\n".join(paths) + "\n")
PY
make_path_script "$work/browse.lua" "$work/browse.txt"

# Stock for the 50 SKUs the carts draw from.
python3 - "$admin_key" <<'PY'
import json, sys, urllib.request
for index in range(1, 51):
    body = {"location": "berlin-mitte", "sku": f"P{index:07d}-S", "delta": 1000000, "reason": "receipt"}
    request = urllib.request.Request("http://127.0.0.1:18380/v1/admin/inventory/adjustments", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {sys.argv[1]}"}, method="POST")
    urllib.request.urlopen(request).read()
PY

# The browse script's request() becomes browse(); the mix picks between it and the cart requests.
sed 's/^function request()/function browse()/' "$work/browse.lua" >"$work/mixed.lua"
cat >>"$work/mixed.lua" <<'LUA'

json = {["Content-Type"] = "application/json"}
open_carts = {}      -- this thread's carts that are not checked out, oldest first
first_open = 1
placed, refused, opened, slots = 0, 0, 0, 0

local function sku() return string.format("P%07d-S", math.random(1, 50)) end
local function any_open_cart() return open_carts[math.random(first_open, #open_carts)] end

function request()
    slots = slots + 1
    local draw = slots % 100
    if draw < 84 then return browse() end
    if #open_carts - first_open < 8 or draw == 91 or draw == 92 then -- too few carts yet, or a new one
        return wrk.format("POST", "/v1/carts", json,
            '{"market":"de","email":"mixed@example.com","lines":[{"sku":"' .. sku() .. '"}]}')
    elseif draw < 91 then
        return wrk.format("GET", "/v1/carts/" .. any_open_cart())
    elseif draw < 98 then
        return wrk.format("POST", "/v1/carts/" .. any_open_cart() .. "/lines", json, '{"sku":"' .. sku() .. '"}')
    end
    local cart = open_carts[first_open]
    first_open = first_open + 1
    return wrk.format("POST", "/v1/carts/" .. cart .. "/checkout",
        {["Content-Type"] = "application/json", ["Idempotency-Key"] = "mixed-" .. cart},
        '{"fulfilment":{"type":"collect","store":"berlin-mitte"}}')
end

function response(status, headers, body)
    if status ~= 201 then
        if status >= 400 then refused = refused + 1 end
        return
    end
    local location = headers["Location"] or headers["location"] or ""
    local cart = location:match("^/v1/carts/([^/]+)$")
    if cart then
        open_carts[#open_carts + 1] = cart
        opened = opened + 1
    elseif location:match("^/v1/orders/") then
        placed = placed + 1
    end
end

local all_threads = {}
local base_setup = setup
function setup(thread)
    base_setup(thread)
    all_threads[#all_threads + 1] = thread
end

function done(summary, latency, requests)
    local placed_total, refused_total, opened_total = 0, 0, 0
    for _, thread in ipairs(all_threads) do
        placed_total = placed_total + thread:get("placed")
        refused_total = refused_total + thread:get("refused")
        opened_total = opened_total + thread:get("opened")
    end
    io.write(string.format("mixed-counts carts-opened %d orders-placed %d refused %d\n", opened_total, placed_total, refused_total))
end
LUA

echo "# Mixed traffic — $(date -u +%Y-%m-%d), $(nproc) cores, $size products, release build, wrk -t2 -c$connections -d${seconds}s"
echo
echo "| scenario | req/s | ratio to bare | p50 ms | p99 ms | errors | server CPU % |"
echo "|---|---:|---:|---:|---:|---:|---:|"
read -r bare_rate p50 p99 errors cpu <<<"$(measure "$bare_pid" http://127.0.0.1:18390/bare)"
echo "| bare Hummingbird route | $bare_rate | 1.00 | $p50 | $p99 | $errors | $cpu |"
read -r rate p50 p99 errors cpu <<<"$(measure "$pasar_pid" http://127.0.0.1:18380/ "$work/browse.lua")"
echo "| browsing alone (the same paths) | $rate | $(python3 -c "print(f'{$rate / $bare_rate:.3f}')") | $p50 | $p99 | $errors | $cpu |"
before=$(cpu_seconds "$pasar_pid")
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/mixed.lua" http://127.0.0.1:18380/ >"$work/mixed.txt"
after=$(cpu_seconds "$pasar_pid")
python3 - "$work/mixed.txt" "$bare_rate" "$before" "$after" "$seconds" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
bare, before, after, seconds = (float(value) for value in sys.argv[2:])
def latency(label):
    value, unit = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", text, re.M).groups()
    return float(value) / 1000 if unit == "us" else float(value) * 1000 if unit == "s" else float(value)
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
opened, placed, refused = (int(n) for n in re.search(r"carts-opened (\d+) orders-placed (\d+) refused (\d+)", text).groups())
print(f"| mixed (84 browse : 7 get cart : 7 add line : 2 checkout) | {rate:.0f} | {rate / bare:.3f} | {latency(50):.2f} | {latency(99):.2f} "
      f"| {refused} | {100 * (after - before) / seconds:.0f} |")
print()
print(f"In the mixed run: {opened} carts opened, {placed} orders placed ({placed / seconds:.0f}/s), {refused} requests refused (4xx/5xx).")
PY
