#!/usr/bin/env python3
"""A local SMTP server for tests/cli/mail.sh: python3-aiosmtpd on 127.0.0.1, a free port.

Usage: smtp_sink.py DIR
Writes the port it listens on to DIR/port once it accepts connections, then saves every message
received as DIR/msg-N.eml (N from 1, in the order received) and its envelope recipients as
DIR/msg-N.rcpt, until killed. Loopback only: CI has no other network."""
import os
import socket
import sys
import threading
import time

from aiosmtpd.controller import Controller

out = sys.argv[1]
lock = threading.Lock()
count = [0]


class Sink:
    async def handle_DATA(self, server, session, envelope):
        with lock:
            count[0] += 1
            n = count[0]
        base = os.path.join(out, "msg-%d" % n)
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        os.rename(base + ".tmp", base + ".eml")
        return "250 OK"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


for attempt in range(20):
    port = free_port()
    ctl = Controller(Sink(), hostname="127.0.0.1", port=port)
    try:
        ctl.start()
        break
    except Exception:  # the port was taken meanwhile: another one
        time.sleep(0.1)
else:
    sys.exit("no free port on 127.0.0.1")
with open(os.path.join(out, "port.tmp"), "w") as f:
    f.write("%d\n" % port)
os.rename(os.path.join(out, "port.tmp"), os.path.join(out, "port"))
try:
    while True:
        time.sleep(3600)
except KeyboardInterrupt:
    pass
finally:
    ctl.stop()
