#!/usr/bin/env python3
"""The seed's select-based echo server, made robust: one buffer and one message queue per socket.

Newline-delimited text: each received line X is answered with the line "Echo : X".

    python3 echo_server.py --port 0
    Server listening on 127.0.0.1:41237

A line may arrive in pieces or several in one packet; "\\r\\n" counts as a line end too. An unfinished
last line is still answered when the client half-closes. Standard library only, Python 3.11.
"""

import argparse
import collections
import select
import signal
import socket
import sys

HOST = "127.0.0.1"
BUFFER_SIZE = 1 << 12
# A client that never sends a newline must not grow our memory without bound.
MAX_LINE = 1 << 20


class Connection:
    """What the loop keeps per client socket: unfinished input, queued replies, whether input ended."""

    def __init__(self, sock, peer):
        self.sock = sock
        self.peer = peer
        self.incoming = bytearray()
        self.outgoing = collections.deque()
        self.input_ended = False

    def take_lines(self):
        """Removes and returns every complete line in the buffer, without its line end."""
        *lines, rest = self.incoming.split(b"\n")
        self.incoming = bytearray(rest)
        return [bytes(line[:-1] if line.endswith(b"\r") else line) for line in lines]


class EchoServer:
    def __init__(self, port):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind((HOST, port))
        self.server.listen(64)
        self.server.setblocking(False)
        self.connections = {}

    @property
    def port(self):
        return self.server.getsockname()[1]

    def serve_forever(self):
        while True:
            readable = [self.server] + [c.sock for c in self.connections.values() if not c.input_ended]
            writable = [c.sock for c in self.connections.values() if c.outgoing]
            ready_to_read, ready_to_write, _ = select.select(readable, writable, [])
            for sock in ready_to_read:
                if sock is self.server:
                    self.accept()
                elif sock in self.connections:
                    self.receive(self.connections[sock])
            for sock in ready_to_write:
                if sock in self.connections:
                    self.send(self.connections[sock])

    def accept(self):
        try:
            sock, peer = self.server.accept()
        except (BlockingIOError, InterruptedError):
            return
        sock.setblocking(False)
        self.connections[sock] = Connection(sock, peer)
        log(f"Client {peer} connected")

    def receive(self, conn):
        try:
            data = conn.sock.recv(BUFFER_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as e:
            self.drop(conn, f"receive failed: {e}")
            return
        if not data:
            self.end_of_input(conn)
            return
        conn.incoming += data
        for line in conn.take_lines():
            self.answer(conn, line)
        if len(conn.incoming) > MAX_LINE:
            self.drop(conn, f"line longer than {MAX_LINE} bytes without a newline")

    def answer(self, conn, line):
        text = line.decode(errors="replace")
        log(f"Received : {text if len(text) <= 200 else text[:200] + '…'} from {conn.peer}")
        conn.outgoing.append(b"Echo : " + line + b"\n")

    def end_of_input(self, conn):
        conn.input_ended = True
        if conn.incoming:
            # The client half-closed after an unfinished line: answer it rather than lose it.
            self.answer(conn, bytes(conn.incoming))
            conn.incoming.clear()
        if not conn.outgoing:
            self.drop(conn, "disconnected")

    def send(self, conn):
        message = conn.outgoing[0]
        try:
            sent = conn.sock.send(message)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as e:
            self.drop(conn, f"send failed: {e}")
            return
        if sent < len(message):
            conn.outgoing[0] = message[sent:]  # a partial send: the rest goes when writable again
        else:
            conn.outgoing.popleft()
        if not conn.outgoing and conn.input_ended:
            self.drop(conn, "disconnected")

    def drop(self, conn, reason):
        log(f"Client {conn.peer} {reason}")
        del self.connections[conn.sock]
        conn.sock.close()


def log(line):
    print(line, flush=True)


def port_number(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got '{text}'") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be between 0 and 65535, got {value}")
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(prog="echo_server.py", description="Answers each line X with 'Echo : X'.")
    parser.add_argument("--port", type=port_number, default=0, metavar="N",
                        help="port on 127.0.0.1 to listen on (0 = choose a free one, default 0)")
    options = parser.parse_args(argv)
    # SystemExit from the handler leaves select() and ends the program with exit code 0.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    server = EchoServer(options.port)
    log(f"Server listening on {HOST}:{server.port}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
