"""A webhook receiver that answers 204 and prints, for every request, one JSON line with the
request's traceparent and tracestate headers. The first line printed is the port it listens on;
closing its standard input stops it."""
import http.server
import json
import sys
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()
        print(json.dumps({"traceparent": self.headers.get("traceparent"), "tracestate": self.headers.get("tracestate")}), flush=True)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
