package org.ipcbench.transport.shm;

import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportConformanceKit;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.WaitStrategy;

/**
 * The kit over Agrona rings with the {@code yield} wait: every waiting reader polls and yields, never
 * parks, so this is the kit under the most scheduler pressure a 2-core machine takes in reasonable time.
 * {@code spin} has its own small test, {@link ShmWaitAndPeerTest}.
 */
class ShmRingYieldConformanceTest extends TransportConformanceKit {

    @Override
    protected Transport transport() {
        return new ShmRingTransport();
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withWait(WaitStrategy.YIELD);
    }
}
