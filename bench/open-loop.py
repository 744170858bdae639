#!/usr/bin/env python3
"""Open-loop load: add-line requests sent at a fixed rate, whatever the server's pace, so latency
includes the time a request waits to be sent (no coordinated omission, unlike wrk's closed loop).

    python3 bench/open-loop.py --port 18380 --rate 2000 --seconds 10

Creates `--carts` one-line carts in market `de` (not timed), then issues `rate × seconds` POSTs to
/v1/carts/{cart}/lines (SKUs P0000002-S … P0000006-S round-robin, as bench/lib.sh's add-line script)
over `--connections` keep-alive connections. Each latency is measured from the moment the schedule
says the request should go out. Prints JSON: achieved rate, statuses, p50/p90/p99/max in ms.
Talks only to --host (default 127.0.0.1); every request has a 30 s timeout.
"""
import argparse
import asyncio
import json
import time


async def exchange(reader, writer, method, path, body, host):
    data = body.encode()
    head = (f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode()
    writer.write(head + data)
    await writer.drain()
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    payload = await reader.readexactly(length)
    return status, payload


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--rate", type=float, default=2000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--carts", type=int, default=256)
    args = parser.parse_args()

    reader, writer = await asyncio.open_connection(args.host, args.port)
    carts = []
    for _ in range(args.carts):
        status, payload = await exchange(reader, writer, "POST", "/v1/carts", json.dumps({"market": "de", "lines": [{"sku": "P0000001-S"}]}), args.host)
        assert status == 201, (status, payload[:200])
        carts.append(json.loads(payload)["id"])
    writer.close()

    total = int(args.rate * args.seconds)
    queue = asyncio.Queue()
    latencies, statuses = [], {}
    start = time.perf_counter() + 0.2

    async def schedule():
        for index in range(total):
            due = start + index / args.rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            queue.put_nowait((index, due))
        for _ in range(args.connections):
            queue.put_nowait(None)

    async def connection():
        reader, writer = await asyncio.open_connection(args.host, args.port)
        while (item := await queue.get()) is not None:
            index, due = item
            path = f"/v1/carts/{carts[index % len(carts)]}/lines"
            body = '{"sku":"P%07d-S"}' % (index % 5 + 2)
            status, _ = await asyncio.wait_for(exchange(reader, writer, "POST", path, body, args.host), 30)
            latencies.append((time.perf_counter() - due) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    await asyncio.gather(schedule(), *(connection() for _ in range(args.connections)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2)
    print(json.dumps({
        "requests": total, "target_rate": args.rate, "achieved_rate": round(total / elapsed, 1),
        "statuses": statuses, "latency_ms": {"p50": pick(0.5), "p90": pick(0.9), "p99": pick(0.99), "max": round(latencies[-1], 2)},
    }, indent=1))


asyncio.run(main())
