package org.ipcbench.transport.tcp;

import org.ipcbench.transport.IoModel;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportConformanceKit;
import org.ipcbench.transport.TransportOptions;

/** The kit over TCP, with one selector loop serving every connection. */
class TcpSelectorConformanceTest extends TransportConformanceKit {

    @Override
    protected Transport transport() {
        return new TcpTransport();
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withIo(IoModel.SELECTOR);
    }
}
