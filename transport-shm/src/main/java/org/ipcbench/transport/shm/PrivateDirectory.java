package org.ipcbench.transport.shm;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories only their owner can enter (0700), and their removal. Shared memory is plain files: whoever
 * can open them can read and forge the stream, so every directory this transport makes is owner-only,
 * and everything inside it is protected by that.
 */
final class PrivateDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY);

    private PrivateDirectory() {
    }

    /** Creates {@code dir} with mode 0700; fails with FileAlreadyExistsException if it exists. */
    static Path create(Path dir) throws IOException {
        Files.createDirectory(dir, OWNER_ONLY_ATTRIBUTE);
        // The umask cannot widen the mode, but it could narrow it; set it outright.
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
        return dir;
    }

    /** Deletes {@code dir} and everything below it; files that vanish meanwhile (the peer cleaning up too) are fine. */
    static void deleteTree(Path dir) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof NoSuchFileException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                        if (e != null && !(e instanceof NoSuchFileException)) {
                            throw e;
                        }
                        Files.deleteIfExists(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (DirectoryNotEmptyException e) {
                // a file appeared while we walked (the peer's last write); walk again
            }
        }
    }

    /** Deletes {@code dir} if it is empty; says whether it is gone. */
    static boolean deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
