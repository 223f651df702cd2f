"""A plain Python socket client for `ipcbench serve`: proof that the wire formats are just bytes.

Sends frames of several sizes and checks that every echo comes back byte-exact.
Usage: echo_client.py ADDRESS FRAMING [FIXED_SIZE]
  ADDRESS  tcp:HOST:PORT, or unix:PATH / unix-jdk:PATH (an AF_UNIX socket)
  FRAMING  length, delimited, fixed (needs FIXED_SIZE, the server's --message-size) or close
Prints 'OK <count>' and exits 0, or exits non-zero saying what differed."""
import os
import socket
import struct
import sys

SIZES = (0, 1, 4095, 4096, 4097, 100_000)


def connect(address):
    scheme, _, location = address.partition(":")
    if scheme == "tcp":
        host, _, port = location.rpartition(":")
        sock = socket.create_connection((host, int(port)))
    elif scheme in ("unix", "unix-jdk"):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(location)
    else:
        sys.exit(f"unsupported address {address}: use tcp:HOST:PORT or unix:PATH")
    sock.settimeout(30)  # a broken server fails the check instead of hanging it
    return sock


def recv_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            sys.exit(f"connection closed after {len(buf)} of {n} bytes")
        buf += chunk
    return bytes(buf)


def recv_all(sock):
    buf = bytearray()
    while chunk := sock.recv(65536):
        buf += chunk
    return bytes(buf)


def check(sent, got):
    if sent != got:
        sys.exit(f"echo differs: sent {len(sent)} bytes, got {len(got)}")


def main():
    address, framing = sys.argv[1], sys.argv[2]
    count = 0
    if framing == "close":  # one message per connection: send, shut down our side, read to the end
        for size in SIZES:
            msg = os.urandom(size)
            with connect(address) as sock:
                sock.sendall(msg)
                sock.shutdown(socket.SHUT_WR)
                check(msg, recv_all(sock))
            count += 1
        print("OK", count)
        return
    with connect(address) as sock:
        if framing == "length":
            for size in SIZES:
                msg = os.urandom(size)
                sock.sendall(struct.pack(">I", size) + msg)
                (length,) = struct.unpack(">I", recv_exact(sock, 4))
                check(msg, recv_exact(sock, length))
                count += 1
        elif framing == "delimited":
            pending = b""
            for size in SIZES:
                msg = os.urandom(size).replace(b"\n", b"\x0b")
                sock.sendall(msg + b"\n")
                while b"\n" not in pending:
                    chunk = sock.recv(65536)
                    if not chunk:
                        sys.exit("connection closed before the delimiter")
                    pending += chunk
                line, pending = pending.split(b"\n", 1)
                check(msg, line)
                count += 1
        elif framing == "fixed":
            size = int(sys.argv[3])
            for _ in range(5):
                msg = os.urandom(size)
                sock.sendall(msg)
                check(msg, recv_exact(sock, size))
                count += 1
        else:
            sys.exit(f"unknown framing {framing}")
    print("OK", count)


if __name__ == "__main__":
    main()
