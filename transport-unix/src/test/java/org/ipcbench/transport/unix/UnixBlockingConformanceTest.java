package org.ipcbench.transport.unix;

import org.ipcbench.transport.Transport;

/** The kit over junixsocket, with a thread per connection. */
class UnixBlockingConformanceTest extends UnixConformanceKit {

    @Override
    protected Transport transport() {
        return new UnixTransport();
    }
}
