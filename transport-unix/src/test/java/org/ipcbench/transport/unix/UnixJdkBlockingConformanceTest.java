package org.ipcbench.transport.unix;

import org.ipcbench.transport.Transport;

/** The kit over the JDK's Unix-domain channels, with a thread per connection. */
class UnixJdkBlockingConformanceTest extends UnixConformanceKit {

    @Override
    protected Transport transport() {
        return new UnixJdkTransport();
    }
}
