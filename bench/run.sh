#!/usr/bin/env bash
# HTTP benchmarks of Pasar against a bare Hummingbird route measured in the same run.
#
#   bench/run.sh                 1k and 100k products, 10 s per scenario (release build)
#   bench/run.sh --sizes "1000 100000 1000000" --seconds 20
#   bench/run.sh --smoke         1k products, 2 s per scenario, debug build (CI keeps it from rotting)
#
# Needs wrk (Debian: apt-get install wrk) and python3. Prints a Markdown table per catalog size:
# requests/s, p50, p99, errors, the ratio to the bare route, server RSS and CPU, then the importer's
# stage timings (its stderr lines starting with "stage ").
#
# Catalogs come from bench/generate-catalog.py; search, suggestion and facet scenarios replay request
# logs of 2000 distinct paths from bench/generate-queries.py (round robin, bench/lib.sh make_path_script).
# Warm scenarios run on one `pasar serve`; the cold ones (list page, search, facets) then on a second
# process on the same database started with --no-page-cache.
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

. bench/lib.sh
if [ "$configuration" = release ]; then
    bin="$(release_binaries)"
else
    swift build --product pasar >&2
    swift build --product BareServer >&2
    bin="$(swift build --show-bin-path)"
fi

work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT


"$bin/BareServer" $bare_port >/dev/null 2>&1 &
pids+=($!)
bare_pid=$!
wait_for "http://127.0.0.1:$bare_port/bare" "$bare_pid"

echo "# Pasar benchmarks — $(date -u +%Y-%m-%d), $(nproc) cores ($(lscpu | sed -n 's/^Model name:\s*//p')), $configuration build, wrk -t2 -c$connections -d${seconds}s"
for size in $sizes; do
    python3 bench/generate-catalog.py "$size" >"$work/catalog-$size.jsonl"
    # Request logs for the catalog (2000 distinct paths each) and the wrk scripts that replay them.
    python3 bench/generate-queries.py "$size" 2000 --langs de,en,tr >"$work/queries-$size.txt"
    python3 bench/generate-queries.py "$size" 2000 --suggest --langs de,en,tr >"$work/suggest-$size.txt"
    python3 bench/generate-queries.py "$size" 2000 --facets >"$work/facets-$size.txt"
    make_path_script "$work/search-$size.lua" "$work/queries-$size.txt"
    make_path_script "$work/suggest-$size.lua" "$work/suggest-$size.txt"
    make_path_script "$work/facets-$size.lua" "$work/facets-$size.txt"

    db="$work/pasar-$size.sqlite"
    start=$(date +%s.%N)
    "$bin/pasar" import "$work/catalog-$size.jsonl" --db "$db" >/dev/null 2>"$work/import-$size.log" || {
        cat "$work/import-$size.log" >&2
        exit 1
    }
    import_seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")

    "$bin/pasar" serve --db "$db" --port $pasar_port --allow-anonymous --rate-limit 0 --log-level error >/dev/null 2>&1 &
    pids+=($!)
    pasar_pid=$!
    wait_for "http://127.0.0.1:$pasar_port/healthz" "$pasar_pid"

    make_cart_scripts "$work" $pasar_port

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
    base="http://127.0.0.1:$pasar_port"
    run "product detail" "$base/v1/markets/de/products/p0000042?lang=de"
    run "product list page (20)" "$base/v1/markets/de/products?lang=de&limit=20"
    run "category page (20)" "$base/v1/markets/de/products?lang=de&category=cat-01&limit=20"
    run "search (query log, warm)" "$base/" "$work/search-$size.lua"
    run "suggest (prefix log)" "$base/" "$work/suggest-$size.lua"
    run "facets (category+price+store)" "$base/" "$work/facets-$size.lua"
    run "get cart" "$base/" "$work/get-cart.lua"
    run "add line" "$base/" "$work/add-line.lua"
    warm_rss=$(rss_mb "$pasar_pid")
    kill "$pasar_pid"
    wait "$pasar_pid" 2>/dev/null || true

    # Cold: a second process on the same database, without the page cache.
    "$bin/pasar" serve --db "$db" --port $pasar_port --allow-anonymous --rate-limit 0 --log-level error --no-page-cache >/dev/null 2>&1 &
    pids+=($!)
    pasar_pid=$!
    wait_for "http://127.0.0.1:$pasar_port/healthz" "$pasar_pid"
    run "product list page (20, cold)" "$base/v1/markets/de/products?lang=de&limit=20"
    run "search (query log, cold)" "$base/" "$work/search-$size.lua"
    run "facets (category+price+store, cold)" "$base/" "$work/facets-$size.lua"
    echo
    echo "Server RSS after the run: $warm_rss MB (warm process), $(rss_mb "$pasar_pid") MB (cold process, --no-page-cache)"
    if grep -q '^stage ' "$work/import-$size.log"; then
        echo
        echo "Import stages:"
        echo
        grep '^stage ' "$work/import-$size.log" | sed 's/^/    /'
    fi
    kill "$pasar_pid"
    wait "$pasar_pid" 2>/dev/null || true
done
