package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTest {

    @ParameterizedTest
    @ValueSource(ints = {Payload.MIN_SIZE, 64, 1024, 65536})
    void anEchoCarriesItsTimestampAndChecksumAndNoDelimiter(int size) throws IOException {
        Payload p = new Payload(size);
        ByteBuffer m = p.stamp(-123456789L);
        for (int i = 0; i < m.limit(); i++) {
            if (m.get(i) == 0x0A) {
                throw new AssertionError("a payload must be valid under delimited framing: 0x0A at " + i);
            }
        }
        ByteBuffer echo = ByteBuffer.allocate(size + 3).position(3);
        echo.put(m.duplicate()).position(3);
        p.verify(echo, -123456789L);
        assertEquals(3, echo.position(), "verify leaves the echo as it was");
        assertEquals(-123456789L, new Payload(size).timestampOf(echo), "another instance checks it the same");
    }

    @Test
    void aCorruptStaleOrShortEchoFails() {
        Payload p = new Payload(64);
        ByteBuffer echo = ByteBuffer.allocate(64).put(p.stamp(7)).flip();
        assertThrows(IOException.class, () -> p.verify(echo.duplicate(), 8));
        ByteBuffer corrupt = ByteBuffer.allocate(64).put(p.stamp(7)).flip();
        corrupt.put(40, (byte) (corrupt.get(40) ^ 1));
        assertThrows(IOException.class, () -> p.verify(corrupt, 7));
        assertThrows(IOException.class, () -> p.verify(ByteBuffer.allocate(63), 7));
        assertThrows(IOException.class, () -> p.verify(null, 7));
        assertThrows(IllegalArgumentException.class, () -> new Payload(Payload.MIN_SIZE - 1));
    }
}
