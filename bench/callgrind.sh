#!/usr/bin/env bash
# Instructions per request of the hot paths, with callgrind: repeatable on this machine where wall-clock
# ratios move by a third between runs. Prints a Markdown table: product detail (page cache warm), add line,
# checkout (collect, one line), each the mean over N requests after a warm-up.
#
#   bench/callgrind.sh            N = 200 per path, release build
#   bench/callgrind.sh 50         a quicker look
#
# Needs valgrind (Debian: apt-get install valgrind), curl and python3. The server runs under callgrind
# with instrumentation off; it is switched on (callgrind_control -i on) only around each measured batch,
# and the counts of each batch are dumped and read from the dump's summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200}
port=18380
admin="callgrind-admin-key-0123"

swift build -c release --scratch-path .build-release --product pasar >&2
bin="$(swift build -c release --scratch-path .build-release --show-bin-path)"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/callgrind.%p" \
    "$bin/pasar" serve --demo --db "$work/pasar.sqlite" --port $port --rate-limit 0 --admin-key "$admin" --log-level error \
    >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

# One batch: warm up, switch instrumentation on, run the batch, dump, switch off; prints instructions per request.
measure() {
    local name="$1" script="$2"
    python3 "$work/requests.py" "$script" prepare 20
    python3 "$work/requests.py" "$script" run 20
    python3 "$work/requests.py" "$script" prepare "$count"
    callgrind_control -z "$pid" >/dev/null
    callgrind_control -i on "$pid" >/dev/null
    python3 "$work/requests.py" "$script" run "$count"
    callgrind_control -i off "$pid" >/dev/null
    callgrind_control -d "$name" "$pid" >/dev/null
    local dump
    dump=$(ls -t "$work"/callgrind.* | head -1)
    python3 - "$dump" "$count" "$name" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
total = int(re.search(r"^summary:\s+(\d+)", text, re.M).group(1)) if re.search(r"^summary:", text, re.M) else \
    int(re.search(r"^totals:\s+(\d+)", text, re.M).group(1))
print(f"| {sys.argv[3]} | {total // int(sys.argv[2]):,} |")
PY
}

cat >"$work/requests.py" <<PY
import http.client, json, sys, uuid
script, phase, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
state = "$work/state.json"
c = http.client.HTTPConnection("127.0.0.1", $port, timeout=600)
admin = {"Authorization": "Bearer $admin", "Content-Type": "application/json"}
def call(method, path, body=None, headers=None):
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers or {"Content-Type": "application/json"})
    r = c.getresponse(); data = r.read()
    assert r.status < 300, (r.status, data[:300])
    return json.loads(data) if data else None
if phase == "prepare":
    carts = []
    if script == "add":
        carts = [call("POST", "/v1/carts", {"market": "de"})["id"]]
    elif script == "checkout":
        call("POST", "/v1/admin/inventory/adjustments", {"location": "berlin-mitte", "sku": "COFFEE-DRIP-BAGS", "delta": n, "reason": "receipt"}, admin)
        carts = [call("POST", "/v1/carts", {"market": "de", "lines": [{"sku": "COFFEE-DRIP-BAGS"}]})["id"] for _ in range(n)]
    json.dump(carts, open(state, "w"))
    sys.exit(0)
carts = json.load(open(state))
for i in range(n):
    if script == "detail":
        call("GET", "/v1/markets/de/products/tea-rize-black?lang=de")
    elif script == "add":
        call("POST", f"/v1/carts/{carts[0]}/lines", {"sku": "TEA-RIZE-BLACK-250G" if i % 2 else "COFFEE-DRIP-BAGS"})
    else:
        call("POST", f"/v1/carts/{carts[i]}/checkout", {"email": "k@example.com", "fulfilment": {"type": "collect", "store": "berlin-mitte"}},
             {"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
PY

echo "# Instructions per request (callgrind, release build, $count requests each, $(date -u +%Y-%m-%d))"
echo
echo "| path | instructions per request |"
echo "|---|---:|"
measure "product detail (cached page)" detail
measure "add line (two SKUs in turn into one cart)" add
measure "checkout (one-line cart, collect at a store)" checkout
