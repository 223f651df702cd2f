"""A Python AF_UNIX client for PythonClientTest: sends frames to an ipcbench echo server and checks that every
echo comes back byte-exact. Usage: echo_client.py SOCKET_PATH FRAMING [FIXED_SIZE]. Prints 'OK <count>'."""
import os
import socket
import struct
import sys


def recv_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            sys.exit(f"connection closed after {len(buf)} of {n} bytes")
        buf += chunk
    return bytes(buf)


def check(sent, got):
    if sent != got:
        sys.exit(f"echo differs: sent {len(sent)} bytes, got {len(got)}")


def main():
    path, framing = sys.argv[1], sys.argv[2]
    count = 0
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)  # a broken server fails the test instead of hanging it
        sock.connect(path)
        if framing == "length":
            for size in (0, 1, 4095, 4096, 4097, 100_000):
                msg = os.urandom(size)
                sock.sendall(struct.pack(">I", size) + msg)
                (length,) = struct.unpack(">I", recv_exact(sock, 4))
                check(msg, recv_exact(sock, length))
                count += 1
        elif framing == "delimited":
            pending = b""
            for size in (0, 1, 4095, 4096, 4097, 100_000):
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
