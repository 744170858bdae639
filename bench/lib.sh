# Shared by the benchmark scripts: waiting for servers, measuring with wrk, cart fixtures.
# Callers set $seconds and $connections.

# Builds pasar and the bare reference server in release mode (in .build-release, so debug builds stay)
# and prints the directory of the binaries; build output goes to stderr.
release_binaries() {
    swift build -c release --scratch-path .build-release --product pasar >&2
    swift build -c release --scratch-path .build-release --product BareServer >&2
    swift build -c release --scratch-path .build-release --show-bin-path
}

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

# Runs wrk and prints "req/s p50 p99 errors cpu%" for the server process $1 at $2 (a URL).
measure() {
    measure_spread "$1 $2" "${3:-}"
}

# measure for several processes serving one database, behind no balancer: "pid url [pid url ...]"
# as $1, the wrk script (or nothing) as $2. Each process gets its own wrk with an equal share of the connections,
# all running at once; rates, errors and CPU add up, latencies are the worst of the shares.
measure_spread() {
    local targets=($1) script="${2:-}"
    local count=$((${#targets[@]} / 2)) outputs=() pids=() before=0 after=0 i
    local share=$((connections / count))
    for ((i = 0; i < ${#targets[@]}; i += 2)); do before=$(python3 -c "print($before + $(cpu_seconds "${targets[i]}"))"); done
    for ((i = 0; i < ${#targets[@]}; i += 2)); do
        local out
        out="$(mktemp)"
        outputs+=("$out")
        if [ -n "$script" ]; then
            wrk -t2 -c"$share" -d"${seconds}s" --latency -s "$script" "${targets[i + 1]}" >"$out" &
        else
            wrk -t2 -c"$share" -d"${seconds}s" --latency "${targets[i + 1]}" >"$out" &
        fi
        pids+=($!)
    done
    wait "${pids[@]}"
    for ((i = 0; i < ${#targets[@]}; i += 2)); do after=$(python3 -c "print($after + $(cpu_seconds "${targets[i]}"))"); done
    python3 - "$before" "$after" "$seconds" "${outputs[@]}" <<'PY'
import re, sys
before, after, seconds = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
texts = [open(path).read() for path in sys.argv[4:]]
def latency(text, label):
    match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", text, re.M)
    if not match: return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
def errors(text):
    count = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
    socket = re.findall(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return count + (sum(int(n) for n in socket[0]) if socket else 0)
rate = sum(float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)) for text in texts)
p50 = max(latency(text, 50) for text in texts)
p99 = max(latency(text, 99) for text in texts)
print(f"{rate:.0f} {p50:.2f} {p99:.2f} {sum(errors(t) for t in texts)} {100 * (after - before) / seconds:.0f}")
PY
    rm -f "${outputs[@]}"
}

# Creates 256 carts through the server at port $2 and writes wrk scripts for the cart scenarios into
# $1: get-cart.lua, and add-line.lua (lines added round-robin over 5 products, a typical cart size).
# Further ports ($3...) take turns creating the carts, so every process of a shared database serves some.
make_cart_scripts() {
    local work="$1"
    shift
    python3 - "$work" "$@" <<'PY'
import json, sys, urllib.request
work, ports = sys.argv[1], sys.argv[2:]
ids = []
for index in range(256):
    port = ports[index % len(ports)]
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
}

# Writes a wrk script to $1 that requests the paths in file $2 (one a line, empty lines skipped) in
# order, one request each, round robin. The paths are embedded as a Lua table (in chunks of 10,000 per
# function, under LuaJIT's limit of 65,536 constants per function). Every wrk thread has its own counter,
# started at thread number * 0.618... of the list, so threads do not walk the list in lockstep; the
# connections of a thread take turns on that thread's counter.
make_path_script() {
    python3 - "$1" "$2" <<'PY'
import sys
out, source = sys.argv[1], sys.argv[2]
paths = [line.rstrip("\r\n") for line in open(source, encoding="utf-8")]
paths = [path for path in paths if path]
if not paths:
    sys.exit(f"make_path_script: no paths in {source}")
def literal(text):
    escaped = []
    for byte in text.encode():
        char = chr(byte)
        if char in '"\\':
            escaped.append("\\" + char)
        elif byte < 0x20 or byte == 0x7f:
            escaped.append(f"\\{byte:03d}")
        else:
            escaped.append(char if byte < 0x80 else f"\\{byte:03d}")
    return '"' + "".join(escaped) + '"'
lines = ["paths = {}", "local function add(list) for i = 1, #list do paths[#paths + 1] = list[i] end end"]
for start in range(0, len(paths), 10000):
    lines.append("chunk = function() add({")
    lines += [f"    {literal(path)}," for path in paths[start:start + 10000]]
    lines.append("}) end")
    lines.append("chunk()")
lines.append(r"""
local threads = 0
function setup(thread)
    thread:set("number", threads)
    threads = threads + 1
end

function init(args)
    counter = math.floor((number or 0) * 0.6180339887 % 1 * #paths)
end

function request()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
end
""")
open(out, "w").write("\n".join(lines))
PY
}
