#!/usr/bin/env python3
"""Checkout throughput and latency of a running Pasar server, over loopback.

    pasar serve --demo --rate-limit 0 --admin-key bench-admin-key-0123 --db /tmp/bench.sqlite &
    python3 bench/checkout-load.py --admin-key bench-admin-key-0123 --checkouts 2000 --workers 16

Stocks one SKU at one store, opens N one-line carts (not timed), then checks them all out with
`workers` connections at once (click & collect at that store: every checkout competes for the same
stock row, the worst case) and prints checkouts per second and latency percentiles as JSON.
With --carts-out FILE it only stocks the SKU and opens the carts, writing their ids one a line, for a
client that does not share the server's cores as this one does (bench/checkout.sh drives them with wrk).
Bounded: N requests per phase, each with a 30 s timeout; talks only to --host (default 127.0.0.1).
"""
import argparse
import http.client
import json
import threading
import time
import uuid


def request(connection, method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    payload = response.read()
    return response.status, payload


def run_parallel(items, workers, host, port, job):
    """Runs job(connection, item) for every item on `workers` keep-alive connections; returns results in order."""
    results = [None] * len(items)
    cursor = {"next": 0}
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection(host, port, timeout=30)
        while True:
            with lock:
                index = cursor["next"]
                cursor["next"] += 1
            if index >= len(items):
                break
            results[index] = job(connection, items[index])
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentile(sorted_values, fraction):
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--admin-key", required=True)
    parser.add_argument("--checkouts", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--market", default="de")
    parser.add_argument("--store", default="berlin-mitte")
    parser.add_argument("--sku", default="TEA-RIZE-BLACK-250G")
    parser.add_argument("--carts-out", help="write the opened carts' ids to this file and stop before checking out")
    args = parser.parse_args()

    admin = {"Authorization": f"Bearer {args.admin_key}"}
    connection = http.client.HTTPConnection(args.host, args.port, timeout=30)
    status, payload = request(connection, "POST", "/v1/admin/inventory/adjustments",
                              {"location": args.store, "sku": args.sku, "delta": args.checkouts, "reason": "receipt"}, admin)
    assert status == 201, payload

    def open_cart(conn, index):
        status, payload = request(conn, "POST", "/v1/carts", {
            "market": args.market, "email": f"bench-{index}@example.com", "lines": [{"sku": args.sku, "quantity": 1}]})
        assert status == 201, payload
        return json.loads(payload)["id"]

    carts = run_parallel(list(range(args.checkouts)), args.workers, args.host, args.port, open_cart)
    if args.carts_out:
        with open(args.carts_out, "w") as out:
            out.write("".join(cart + "\n" for cart in carts))
        return

    def checkout(conn, cart):
        started = time.perf_counter()
        status, _ = request(conn, "POST", f"/v1/carts/{cart}/checkout",
                            {"fulfilment": {"type": "collect", "store": args.store}}, {"Idempotency-Key": str(uuid.uuid4())})
        return status, time.perf_counter() - started

    started = time.perf_counter()
    outcomes = run_parallel(carts, args.workers, args.host, args.port, checkout)
    elapsed = time.perf_counter() - started
    latencies = sorted(latency for _, latency in outcomes)
    statuses = {}
    for status, _ in outcomes:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    print(json.dumps({
        "checkouts": len(outcomes), "workers": args.workers, "seconds": round(elapsed, 3),
        "checkouts_per_second": round(len(outcomes) / elapsed, 1), "statuses": statuses,
        "latency_ms": {name: round(percentile(latencies, fraction) * 1000, 2)
                       for name, fraction in [("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("max", 1.0)]},
    }, indent=1))


if __name__ == "__main__":
    main()
