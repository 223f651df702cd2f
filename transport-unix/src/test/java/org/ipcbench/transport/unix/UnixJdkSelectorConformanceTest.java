package org.ipcbench.transport.unix;

import org.ipcbench.transport.IoModel;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

/** The kit over the JDK's Unix-domain channels, with one selector loop. */
class UnixJdkSelectorConformanceTest extends UnixConformanceKit {

    @Override
    protected Transport transport() {
        return new UnixJdkTransport();
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withIo(IoModel.SELECTOR);
    }
}
