package org.ipcbench.transport.shm;

import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportConformanceKit;

/** The kit over Chronicle Queue ({@code shm:}) with the default {@code backoff} wait, a thread per connection. */
class ShmBackoffConformanceTest extends TransportConformanceKit {

    @Override
    protected Transport transport() {
        return new ShmTransport();
    }
}
