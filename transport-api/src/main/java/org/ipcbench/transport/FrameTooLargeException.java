package org.ipcbench.transport;

/**
 * A frame would exceed the maximum frame size. It is raised before any buffer of that size is
 * allocated, so a peer cannot make us allocate without bound.
 */
public final class FrameTooLargeException extends FramingException {

    private final long limit;

    public FrameTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The maximum frame size, in bytes, that the frame broke. */
    public long limit() {
        return limit;
    }
}
