package org.ipcbench.transport.shm;

import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportConformanceKit;

/** The kit over Agrona rings ({@code shm-ring:}) with the default {@code backoff} wait, a thread per connection. */
class ShmRingBackoffConformanceTest extends TransportConformanceKit {

    @Override
    protected Transport transport() {
        return new ShmRingTransport();
    }
}
