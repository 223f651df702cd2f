package org.ipcbench.transport.tcp;

import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportConformanceKit;

/** The kit over TCP, with a thread per connection. */
class TcpBlockingConformanceTest extends TransportConformanceKit {

    @Override
    protected Transport transport() {
        return new TcpTransport();
    }
}
