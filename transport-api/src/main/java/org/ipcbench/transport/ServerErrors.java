package org.ipcbench.transport;

/**
 * Where a server reports a connection it had to close because of an error: a bad frame, a peer that
 * vanished mid-message, a timeout. The server goes on serving everyone else.
 */
@FunctionalInterface
public interface ServerErrors {

    void onConnectionError(String connection, Exception error);
}
