package org.ipcbench.transport.unix;

import org.ipcbench.transport.IoModel;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

/** The kit over junixsocket, with one selector loop (junixsocket's own selector provider). */
class UnixSelectorConformanceTest extends UnixConformanceKit {

    @Override
    protected Transport transport() {
        return new UnixTransport();
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withIo(IoModel.SELECTOR);
    }
}
