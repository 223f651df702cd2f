package org.ipcbench.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Forces the partial reads and writes that real sockets make only under load: every call moves a
 * random 1..k bytes. A framing that assumes "one read, one message" breaks on it at once.
 */
public final class TricklingConnection implements Connection {

    private final Connection delegate;
    private final Random random;
    private final int most;
    private long calls;

    public TricklingConnection(Connection delegate, long seed, int most) {
        this.delegate = delegate;
        this.random = new Random(seed);
        this.most = most;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int limit = dst.limit();
        dst.limit(dst.position() + step(dst.remaining()));
        try {
            return delegate.read(dst);
        } finally {
            dst.limit(limit);
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int limit = src.limit();
        src.limit(src.position() + step(src.remaining()));
        try {
            return delegate.write(src);
        } finally {
            src.limit(limit);
        }
    }

    private int step(int remaining) {
        calls++;
        return Math.min(remaining, 1 + random.nextInt(most));
    }

    @Override
    public void shutdownOutput() throws IOException {
        delegate.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    public long calls() {
        return calls;
    }

    @Override
    public String toString() {
        return "trickling " + delegate;
    }
}
