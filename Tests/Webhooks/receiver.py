#!/usr/bin/env python3
"""A webhook receiver on loopback that verifies every request with the `standardwebhooks` library.

    python3 Tests/Webhooks/receiver.py [--fail-first N] [--hold-first]

Prints its port on the first line of stdout. Routes:
  POST /hook           a delivery: 401 when the signature does not verify, 500 for the first N, else 200
                       (--hold-first: the very first request is held open until the client goes away)
  PUT  /secret         the subscription's secret (the body), to verify with
  GET  /wait?delivered=K&received=R&timeout=S
                       answers once K deliveries were acknowledged with 200 and R requests arrived
                       (504 after S seconds), with every request so far as JSON
"""
import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from standardwebhooks.webhooks import Webhook

state = {"secret": None, "log": [], "held": False}
changed = threading.Condition()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body=b""):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self):
        length = int(self.headers.get("Content-Length", 0))
        with changed:
            state["secret"] = self.rfile.read(length).decode()
            changed.notify_all()
        self.answer(204)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        headers = {name.lower(): value for name, value in self.headers.items()}
        entry = {"id": headers.get("webhook-id"), "timestamp": headers.get("webhook-timestamp"),
                 "signatures": len(headers.get("webhook-signature", "").split()), "verified": False}
        try:
            payload = Webhook(state["secret"]).verify(body, headers)
            entry.update(verified=True, type=payload["type"], resource_sequence=payload["resource_sequence"],
                         order_status=(payload["data"].get("order") or {}).get("status"),
                         formatted=((payload["data"]["event"].get("amount") or {}).get("formatted")))
        except Exception as error:  # a refusal names why
            entry["error"] = str(error)
        with changed:
            number = len(state["log"])
            hold = arguments.hold_first and not state["held"]
            state["held"] = state["held"] or hold
            if not entry["verified"]:
                entry["answered"] = 401
            elif number < arguments.fail_first:
                entry["answered"] = 500
            else:
                entry["answered"] = 0 if hold else 200
            state["log"].append(entry)
            changed.notify_all()
        if hold:
            # Never answered: the sender is killed while it waits.
            threading.Event().wait(60)
            return
        self.answer(entry["answered"], b"{}")

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        delivered = int(query.get("delivered", ["0"])[0])
        received = int(query.get("received", ["0"])[0])
        timeout = float(query.get("timeout", ["30"])[0])

        def done():
            acknowledged = sum(1 for entry in state["log"] if entry["answered"] == 200)
            return acknowledged >= delivered and len(state["log"]) >= received

        with changed:
            reached = changed.wait_for(done, timeout)
            log = list(state["log"])
        self.answer(200 if reached else 504, json.dumps(log).encode())


parser = argparse.ArgumentParser()
parser.add_argument("--fail-first", type=int, default=0)
parser.add_argument("--hold-first", action="store_true")
arguments = parser.parse_args()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True


def exit_with_parent():
    # The test holds our stdin open; EOF means it stopped us or exited, so nothing outlives it
    # (a launcher such as a pyenv shim may not pass SIGTERM on to this process).
    sys.stdin.buffer.read()
    os._exit(0)


threading.Thread(target=exit_with_parent, daemon=True).start()
print(server.server_address[1], flush=True)
server.serve_forever()
