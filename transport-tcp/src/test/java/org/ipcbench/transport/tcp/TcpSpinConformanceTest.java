package org.ipcbench.transport.tcp;

import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportConformanceKit;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.WaitStrategy;

/** The kit over TCP with {@code --wait spin}: non-blocking channels polled in a loop. */
class TcpSpinConformanceTest extends TransportConformanceKit {

    @Override
    protected Transport transport() {
        return new TcpTransport();
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withWait(WaitStrategy.SPIN);
    }
}
