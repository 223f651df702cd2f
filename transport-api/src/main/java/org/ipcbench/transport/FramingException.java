package org.ipcbench.transport;

import java.io.IOException;

/** The bytes on the wire do not form a valid frame. Only the connection that sent them is closed. */
public class FramingException extends IOException {

    public FramingException(String message) {
        super(message);
    }
}
