#!/usr/bin/env python3
"""Slow and stalled clients against a running `costwise serve`, with /ping probed once a second.

Usage: bench/slow_clients.py PORT [SECONDS] [SLOW] [STALLED]   (defaults 30, 200, 8)
SLOW connections send one header line every 2 s; STALLED ones declare a 5 MB body (under the
default 6 MB limit), send one byte and stop. Prints how many probes got 200 within 1 s and each probe's latency.
"""
import socket
import sys
import threading
import time

port = int(sys.argv[1])
seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 30
slow = int(sys.argv[3]) if len(sys.argv) > 3 else 200
stalled = int(sys.argv[4]) if len(sys.argv) > 4 else 8
stop = time.time() + seconds
closed_by_server = [0, 0]
stalled_answers = []


def slow_client():
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"POST /invocations HTTP/1.1\r\nHost: x\r\n")
        i = 0
        while time.time() < stop:
            time.sleep(2)
            s.sendall(b"X-Slow-%d: y\r\n" % i)
            i += 1
    except OSError:
        closed_by_server[0] += 1


def stalled_client():
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                  b"Content-Length: 5000000\r\n\r\n1")
        s.settimeout(seconds)
        started = time.time()
        got = s.recv(12)
        stalled_answers.append((got.decode("latin-1") or "closed", round(time.time() - started, 1)))
        if got == b"":
            closed_by_server[1] += 1
    except socket.timeout:
        stalled_answers.append(("no answer", seconds))
    except OSError:
        closed_by_server[1] += 1


threads = [threading.Thread(target=slow_client, daemon=True) for _ in range(slow)]
threads += [threading.Thread(target=stalled_client, daemon=True) for _ in range(stalled)]
for t in threads:
    t.start()
time.sleep(1)
latencies = []
ok = 0
probes = 0
while time.time() < stop:
    probes += 1
    start = time.time()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=1)
        s.settimeout(max(0.01, 1 - (time.time() - start)))
        s.sendall(b"GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        line = s.recv(64)
        s.close()
        if line.startswith(b"HTTP/1.1 200"):
            ok += 1
            latencies.append(round((time.time() - start) * 1000, 1))
    except OSError:
        pass
    time.sleep(max(0, 1 - (time.time() - start)))
print(f"/ping: {ok} of {probes} probes answered 200 within 1 s; latencies ms: {latencies}")
print(f"connections closed by the server: slow headers {closed_by_server[0]} of {slow},"
      f" stalled bodies {closed_by_server[1]} of {stalled}")
print(f"stalled bodies (answer, seconds after the byte): {stalled_answers}")
