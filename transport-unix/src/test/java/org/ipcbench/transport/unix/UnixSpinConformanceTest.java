package org.ipcbench.transport.unix;

import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.WaitStrategy;

/** The kit over junixsocket with {@code --wait spin}: non-blocking channels polled in a loop. */
class UnixSpinConformanceTest extends UnixConformanceKit {

    @Override
    protected Transport transport() {
        return new UnixTransport();
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withWait(WaitStrategy.SPIN);
    }
}
