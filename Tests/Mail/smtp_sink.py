#!/usr/bin/env python3
"""Test-only SMTP sink for the PasarMail integration tests.

Binds 127.0.0.1 on a free port and prints that port as the first stdout line.
Commands arrive one per line on stdin; each answer is one JSON line on stdout:
  messages  ->  {"messages": [{"mail_from", "rcpt_tos", "raw_base64"}, ...]}
When stdin reaches EOF the process exits at once, so a test that dies can never
leave an orphan holding its stderr open.
"""
import argparse
import asyncio
import base64
import json
import os
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

received = []
received_lock = threading.Lock()


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def serve_stdin():
    # Reading line by line until EOF doubles as the "parent is gone" watchdog.
    for line in sys.stdin.buffer:
        command = line.decode().strip()
        if command == "messages":
            with received_lock:
                reply({"messages": list(received)})
        elif command:
            reply({"error": "unknown command " + command})
    os._exit(0)


class Handler:
    def __init__(self, rejections):
        self.rejections = rejections

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.rejections.get(address.lower())
        if code is not None:
            text = "4.2.1 Mailbox busy, try later" if code < 500 else "5.1.1 No such mailbox"
            return f"{code} {text}"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        with received_lock:
            received.append({
                "mail_from": envelope.mail_from,
                "rcpt_tos": list(envelope.rcpt_tos),
                "raw_base64": base64.b64encode(envelope.original_content).decode(),
            })
        return "250 2.0.0 Message accepted"


class RefusingEHLO(SMTP):
    """A server that predates ESMTP: EHLO is an unknown command."""

    async def smtp_EHLO(self, arg):
        await self.push("502 5.5.2 Command not recognized")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--auth-user")
    parser.add_argument("--auth-password")
    parser.add_argument("--only-login", action="store_true", help="offer AUTH LOGIN but not PLAIN")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte instead of STARTTLS")
    parser.add_argument("--reject", action="append", default=[], metavar="ADDRESS=CODE")
    parser.add_argument("--refuse-ehlo", action="store_true")
    args = parser.parse_args()

    rejections = {}
    for item in args.reject:
        address, code = item.rsplit("=", 1)
        rejections[address.lower()] = int(code)

    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == args.auth_user
              and auth_data.password.decode() == args.auth_password)
        # handled=False makes aiosmtpd answer 535 itself; its default (True) sends no reply at all.
        return AuthResult(success=ok, handled=False)

    handler = Handler(rejections)
    server_class = RefusingEHLO if args.refuse_ehlo else SMTP

    def factory():
        options = dict(hostname="sink.test", ident="PasarMail test sink")
        if context is not None and not args.implicit_tls:
            options["tls_context"] = context
        if args.auth_user is not None:
            options.update(
                authenticator=authenticator,
                auth_required=True,
                # Without TLS on offer, the tests opt in to plaintext AUTH explicitly.
                auth_require_tls=context is not None and not args.implicit_tls,
                auth_exclude_mechanism=["PLAIN"] if args.only_login else None,
            )
        return server_class(handler, **options)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        factory, host="127.0.0.1", port=0, ssl=context if args.implicit_tls else None))
    print(server.sockets[0].getsockname()[1], flush=True)
    # Started only now so that the port is always the first line.
    threading.Thread(target=serve_stdin, daemon=True).start()
    loop.run_forever()


if __name__ == "__main__":
    main()
