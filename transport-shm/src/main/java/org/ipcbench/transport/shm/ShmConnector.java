package org.ipcbench.transport.shm;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.TransportOptions;

/**
 * The client half of the handshake of both shared-memory schemes: make a connection directory with the
 * lanes and say hello. Like a socket's connect, it does not wait for the server's accept: the request
 * waits in the directory as in a listen backlog, and what the client writes meanwhile waits in its lane.
 * The peer pid the connection watches is the listener's, from the {@code listener} file.
 */
final class ShmConnector {

    private ShmConnector() {
    }

    static Connection connect(Address address, TransportOptions options, Lanes.Factory lanes) throws IOException {
        WaitLoop.strategy(options);
        Path dir = ListenerDirectory.pathOf(address);
        long server = ListenerDirectory.listenerPid(dir);
        if (server == 0 || !PeerWatch.isAlive(server)) {
            throw refused(address, "nobody listens there");
        }
        ConnectionDirectory conn;
        try {
            conn = ConnectionDirectory.create(dir);
        } catch (NoSuchFileException e) {
            throw refused(address, "the directory is gone");
        }
        boolean connected = false;
        try {
            lanes.prepare(conn, options);
            Lanes opened = lanes.open(conn, ConnectionDirectory.Side.CLIENT, options);
            try {
                conn.sayHello();
                Connection c = new ShmConnection(opened, conn, ConnectionDirectory.Side.CLIENT, server, options,
                        address + " -> " + conn.path().getFileName());
                connected = true;
                return c;
            } finally {
                if (!connected) {
                    opened.release();
                }
            }
        } finally {
            if (!connected) {
                conn.delete();
            }
        }
    }

    private static ConnectException refused(Address address, String why) {
        return new ConnectException("cannot connect to " + address + ": " + why + " (connection refused)");
    }
}
