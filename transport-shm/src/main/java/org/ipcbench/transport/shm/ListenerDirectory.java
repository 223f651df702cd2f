package org.ipcbench.transport.shm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.ipcbench.transport.Address;

/**
 * The directory an {@code shm:} or {@code shm-ring:} address names, seen from the server: it claims the
 * directory with a pid file, finds the clients that ask to connect, and sweeps away what dead processes
 * left behind.
 *
 * <pre>
 * /dev/shm/ipcbench-shm-4100-0/   0700; the address (a default one is named scheme, pid, number)
 * ├── listener                    "4100": the listening process; connects are refused without it
 * ├── conn-4242-0/                one client's connection, see {@link ConnectionDirectory}
 * └── conn-4243-0/
 * </pre>
 *
 * A client connects by making its own {@code conn-*} directory with its lanes and a {@code hello} file,
 * and starts writing at once; the server's accept looks for directories with a hello and no
 * {@code accepted} yet, like a socket's listen backlog. When to look is {@link ShmListener}'s business.
 */
final class ListenerDirectory {

    private static final String LISTENER = "listener";
    private static final String DEFAULT_PREFIX = "ipcbench-";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final boolean created;
    private final Set<String> taken = ConcurrentHashMap.newKeySet(); // accept adds, close reads
    private boolean helloPending; // accept's thread only

    private ListenerDirectory(Path dir, boolean created) {
        this.dir = dir;
        this.created = created;
    }

    /**
     * Where default addresses live: {@code /dev/shm}, a tmpfs, where it exists, so that the lanes are
     * memory and never touch a disk; else {@code java.io.tmpdir}.
     */
    static Path tmpfsRoot() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * A fresh directory name under {@link #tmpfsRoot()}: {@code ipcbench-<scheme>-<pid>-<n>}. Default
     * directories that dead processes left there are removed first.
     */
    static Address defaultAddress(String scheme) {
        Path root = tmpfsRoot();
        sweepDefaults(root, scheme);
        long pid = ProcessHandle.current().pid();
        Path dir;
        do {
            dir = root.resolve(DEFAULT_PREFIX + scheme + '-' + pid + '-' + SEQUENCE.getAndIncrement());
        } while (Files.exists(dir));
        return new Address(scheme, dir.toString());
    }

    /** The directory of an address: its location, which must be an absolute path. */
    static Path pathOf(Address address) {
        String location = address.location();
        Path p = location.isEmpty() ? null : Path.of(location);
        if (p == null || !p.isAbsolute()) {
            throw new IllegalArgumentException("bad " + address.scheme() + " address '" + address
                    + "': expected " + address.scheme() + ":/path/to/dir, an absolute directory path");
        }
        return p;
    }

    /**
     * Takes {@code dir} for a new listener: makes it (0700) if missing, removes what dead processes left
     * in it, and writes the listener pid file.
     *
     * @throws IOException if another live process listens there
     */
    static ListenerDirectory claim(Path dir) throws IOException {
        boolean created = false;
        if (!Files.exists(dir)) {
            try {
                PrivateDirectory.create(dir);
                created = true;
            } catch (FileAlreadyExistsException e) {
                // made by someone else meanwhile; the pid file decides who listens
            } catch (NoSuchFileException e) {
                throw new IOException("cannot listen on " + dir + ": its parent directory does not exist", e);
            }
        } else if (!Files.isDirectory(dir)) {
            throw new IOException("cannot listen on " + dir + ": it is not a directory");
        }
        sweep(dir);
        long self = ProcessHandle.current().pid();
        Path tmp = dir.resolve(LISTENER + '.' + self + ".tmp");
        Files.write(tmp, Long.toString(self).getBytes(StandardCharsets.US_ASCII));
        try {
            while (true) {
                try {
                    Files.move(tmp, dir.resolve(LISTENER)); // no REPLACE_EXISTING: fails if someone listens
                    return new ListenerDirectory(dir, created);
                } catch (FileAlreadyExistsException e) {
                    long other = listenerPid(dir);
                    if (other != 0 && PeerWatch.isAlive(other)) {
                        throw new IOException("address " + dir + " is in use by process " + other);
                    }
                    Files.deleteIfExists(dir.resolve(LISTENER));
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    Path path() {
        return dir;
    }

    /** The pid of the process listening at {@code dir}, or 0 if none has claimed it. */
    static long listenerPid(Path dir) {
        try {
            return Long.parseLong(new String(Files.readAllBytes(dir.resolve(LISTENER)), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The next client that said hello and is not accepted yet, or null. */
    ConnectionDirectory nextRequest() throws IOException {
        Set<String> present = new HashSet<>();
        helloPending = false;
        try (DirectoryStream<Path> conns = Files.newDirectoryStream(dir, ConnectionDirectory.PREFIX + "*")) {
            for (Path p : conns) {
                String name = p.getFileName().toString();
                present.add(name);
                if (taken.contains(name)) {
                    continue;
                }
                ConnectionDirectory c = new ConnectionDirectory(p);
                boolean hello = c.helloPid() != 0; // a file read: once per look
                if (hello && c.acceptedPid() == 0) {
                    taken.add(name);
                    return c;
                }
                if (!hello && PeerWatch.isAlive(c.clientPidFromName())) {
                    helloPending = true;
                }
            }
        }
        taken.retainAll(present); // forget connections that are gone
        return null;
    }

    /**
     * Whether the last {@link #nextRequest} that found nothing saw a live client that is still preparing its
     * lanes: its hello comes next, without a change to this directory to announce it.
     */
    boolean helloPending() {
        return helloPending;
    }

    /**
     * Gives the address up: refuses the requests nobody accepted (as closing a listening socket resets its
     * backlog) by marking them closed by the server, removes the pid file, and the directory if this listener
     * made it and it is empty.
     */
    void release() throws IOException {
        try (DirectoryStream<Path> conns = Files.newDirectoryStream(dir, ConnectionDirectory.PREFIX + "*")) {
            for (Path p : conns) {
                ConnectionDirectory c = new ConnectionDirectory(p);
                if (!taken.contains(p.getFileName().toString()) && c.acceptedPid() == 0) {
                    c.markClosed(ConnectionDirectory.Side.SERVER);
                }
            }
        } catch (NoSuchFileException e) {
            return;
        }
        if (listenerPid(dir) == ProcessHandle.current().pid()) {
            Files.deleteIfExists(dir.resolve(LISTENER));
        }
        if (created || isDefault(dir)) {
            PrivateDirectory.deleteIfEmpty(dir);
        }
    }

    /**
     * Removes from {@code dir} the connection directories nobody can use any more and a dead listener's pid
     * file. See {@link ConnectionDirectory#isAbandoned()}.
     */
    static void sweep(Path dir) throws IOException {
        try (DirectoryStream<Path> conns = Files.newDirectoryStream(dir, ConnectionDirectory.PREFIX + "*")) {
            for (Path p : conns) {
                ConnectionDirectory c = new ConnectionDirectory(p);
                if (c.isAbandoned()) {
                    c.delete();
                }
            }
        } catch (NoSuchFileException e) {
            return;
        }
        long listener = listenerPid(dir);
        if (listener != 0 && !PeerWatch.isAlive(listener)) {
            Files.deleteIfExists(dir.resolve(LISTENER));
        }
    }

    /** After a connection is gone: a default directory that nobody listens on or uses any more is removed. */
    static void sweepIfDefault(Path dir) {
        if (!isDefault(dir)) {
            return;
        }
        try {
            sweep(dir);
        } catch (IOException e) {
            return; // another process is cleaning up too
        }
        PrivateDirectory.deleteIfEmpty(dir);
    }

    private static boolean isDefault(Path dir) {
        Path name = dir.getFileName();
        return name != null && name.toString().startsWith(DEFAULT_PREFIX) && dir.getParent() != null
                && dir.getParent().equals(tmpfsRoot());
    }

    /** Removes default directories of {@code scheme} whose creating process is dead, and which nobody uses. */
    private static void sweepDefaults(Path root, String scheme) {
        String prefix = DEFAULT_PREFIX + scheme + '-';
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, prefix + "*")) {
            for (Path d : dirs) {
                String rest = d.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = dash < 0 ? 0 : Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue; // another scheme's directory, such as shm-ring next to shm
                }
                if (pid != 0 && !PeerWatch.isAlive(pid) && Files.isDirectory(d)) {
                    sweep(d);
                    PrivateDirectory.deleteIfEmpty(d);
                }
            }
        } catch (IOException e) {
            // a sweep is a courtesy; a root we cannot list has nothing of ours
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
