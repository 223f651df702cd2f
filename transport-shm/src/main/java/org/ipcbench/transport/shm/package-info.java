/**
 * Shared-memory transports: {@code shm:} over Chronicle Queue and {@code shm-ring:} over Agrona ring
 * buffers. Both lay a connection out the same way and differ only in their {@link
 * org.ipcbench.transport.shm.Lanes}, the two one-way lanes of a connection:
 *
 * <pre>
 * /dev/shm/ipcbench-shm-4100-0/     the address, 0700          ListenerDirectory
 * ├── listener                      "4100", the server's pid
 * └── conn-4242-0/                  one connection, 0700       ConnectionDirectory
 *     ├── hello / accepted          the client's pid / the server's pid
 *     ├── c2s, s2c                  the lanes                  QueueLanes (queue dirs) or RingLanes (ring files)
 *     └── closed-client, closed-server
 * </pre>
 *
 * What the schemes share, each in one small class: the handshake ({@code ShmConnector} and
 * {@code ShmListener}), waiting with a named strategy and a timeout ({@code WaitLoop}), the peer's pid
 * ({@code PeerWatch}), a close from another thread ({@code CloseGuard}), the stream itself with its
 * end mark and cleanup ({@code ShmConnection}), and owner-only directories ({@code PrivateDirectory}).
 */
package org.ipcbench.transport.shm;
