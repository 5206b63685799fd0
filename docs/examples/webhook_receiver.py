#!/usr/bin/env python3
"""A TechBridge webhook receiver in the standard library only: checks each delivery's signature and
age, skips an event id it has already taken, prints the event, and answers 204 (401 when the
signature does not hold, so that TechBridge tries again and the delivery log shows why).

    TECHBRIDGE_WEBHOOK_SECRET=whsec_... python3 webhook_receiver.py [port]
"""
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = os.environ["TECHBRIDGE_WEBHOOK_SECRET"].encode()
MAX_AGE_SECONDS = 300  # a captured request replayed later than this is refused
seen_event_ids = set()  # a real system keeps these in its database


def signature_holds(header: str, body: bytes) -> bool:
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        sent_at = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - sent_at) > MAX_AGE_SECONDS:
        return False
    expected = hmac.new(SECRET, f"{sent_at}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not signature_holds(self.headers.get("TechBridge-Signature", ""), body):
            self.send_response(401)
            self.end_headers()
            return
        event = json.loads(body)
        if event["id"] not in seen_event_ids:  # a retry or a replay of an event already handled
            seen_event_ids.add(event["id"])
            print(json.dumps({"delivery": self.headers["TechBridge-Delivery"], **event}, ensure_ascii=False), flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8099
    ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
