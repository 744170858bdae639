#!/usr/bin/env python3
"""Decodes one raw message (stdin) with Python's email package and prints it as one JSON line."""
import email
import email.policy
import json
import sys

raw = sys.stdin.buffer.read()
message = email.message_from_bytes(raw, policy=email.policy.default)


def header(name):
    value = message[name]
    return None if value is None else str(value)


def addresses(name):
    value = message[name]
    if value is None:
        return []
    return [{"display_name": a.display_name, "address": a.addr_spec} for a in value.addresses]


parts = []
for part in message.walk():
    if part.is_multipart():
        continue
    parts.append({
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "transfer_encoding": part["Content-Transfer-Encoding"],
        "text": part.get_content().replace("\r\n", "\n"),
    })

lines = raw.split(b"\r\n")
print(json.dumps({
    "subject": header("Subject"),
    "from": addresses("From"),
    "to": addresses("To"),
    "date": header("Date"),
    "date_iso": message["Date"].datetime.isoformat() if message["Date"] else None,
    "message_id": header("Message-ID"),
    "mime_version": header("MIME-Version"),
    "list_unsubscribe": header("List-Unsubscribe"),
    "list_unsubscribe_post": header("List-Unsubscribe-Post"),
    "content_type": message.get_content_type(),
    "parts": parts,
    "defects": [repr(d) for p in message.walk() for d in p.defects],
    "longest_line": max(len(line) for line in lines),
    "has_bare_line_feed": b"\n" in raw.replace(b"\r\n", b""),
    "is_7bit": all(byte < 128 for byte in raw),
}))
