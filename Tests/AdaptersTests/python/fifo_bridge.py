"""Relays this process's stdin and stdout to two named pipes.

The Python MCP client can only talk stdio to a process it starts. When the MCP stdio loop
runs inside the Swift test process instead, the client starts this bridge:

    fifo_bridge.py TO_SERVER FROM_SERVER

Bytes read from stdin go to TO_SERVER (the server's input); bytes from FROM_SERVER go to
stdout. The bridge ends when the server closes FROM_SERVER; when stdin ends it closes
TO_SERVER, which the server reads as the end of its input.
"""

import os
import sys
import threading


def pump(source, destination, close_destination):
    while True:
        chunk = os.read(source, 65536)
        if not chunk:
            break
        view = memoryview(chunk)
        while view:
            written = os.write(destination, view)
            view = view[written:]
    if close_destination:
        os.close(destination)


def main():
    to_server_path, from_server_path = sys.argv[1], sys.argv[2]
    # Same order as the server opens them (input first), so neither side waits forever.
    to_server = os.open(to_server_path, os.O_WRONLY)
    from_server = os.open(from_server_path, os.O_RDONLY)
    upstream = threading.Thread(target=pump, args=(sys.stdin.fileno(), to_server, True), daemon=True)
    upstream.start()
    pump(from_server, sys.stdout.fileno(), False)


if __name__ == "__main__":
    main()
