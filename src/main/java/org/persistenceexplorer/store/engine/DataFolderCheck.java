package org.persistenceexplorer.store.engine;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks at an engine's data folder before the engine starts, and says in one true sentence what
 * is wrong with it: a file where the folder should be, a folder this user may not write to (with
 * its owner and permissions), a disk that is full or nearly so, a place where no folder can be
 * made (a read-only or virtual file system such as /proc). Writes and deletes one small probe
 * file. Blocking; any thread.
 */
public final class DataFolderCheck {

    /** Below this much free space an engine cannot be expected to start or keep its data. */
    public static final long MIN_FREE_BYTES = 64L * 1024 * 1024;
    private static final String OTHER_FOLDER = "start with --data-dir pointing at another folder (or set PE_DATA_DIR)";

    private DataFolderCheck() {
    }

    /**
     * The problem with the folder, if any; empty when the engine may try it.
     *
     * @param engine the engine's name for the sentence, e.g. "PostgreSQL"
     */
    public static Optional<EngineStartException> problemWith(String engine, Path folder) {
        Path existing = nearestExisting(folder);
        if (existing == null) {
            return Optional.empty();
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of(new EngineStartException("The " + engine + " data folder " + folder
                    + " cannot be made: " + existing + " is a file, not a folder.",
                    "Move that file away, or " + OTHER_FOLDER + ".", null));
        }
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".pe-write-check", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            return Optional.of(notAllowed(engine, folder, existing));
        } catch (FileSystemException e) {
            return Optional.of(fileSystemProblem(engine, folder, existing, e));
        } catch (IOException e) {
            return Optional.of(new EngineStartException("The " + engine + " data folder " + folder
                    + " cannot be written: " + Causes.firstLine(String.valueOf(e.getMessage())),
                    "Check the folder and its disk, or " + OTHER_FOLDER + ".", e));
        }
        long free = usableSpace(folder);
        if (free >= 0 && free < MIN_FREE_BYTES) {
            return Optional.of(diskFull(engine, folder, free, null));
        }
        return Optional.empty();
    }

    /** The disk-full sentence when an engine failed with "No space left on device" while starting. */
    public static Optional<EngineStartException> explainFailure(String engine, Path folder, Throwable failure) {
        if (Causes.anyMessageContains(failure, "No space left on device") || Causes.anyMessageContains(failure, "Disk quota exceeded")) {
            return Optional.of(diskFull(engine, folder, usableSpace(folder), failure));
        }
        if (Causes.anyMessageContains(failure, "Permission denied") || Causes.causedBy(failure, AccessDeniedException.class)) {
            Path existing = nearestExisting(folder);
            return Optional.of(notAllowed(engine, folder, existing == null ? folder : existing));
        }
        return Optional.empty();
    }

    private static EngineStartException notAllowed(String engine, Path folder, Path existing) {
        String where = existing.equals(folder) ? "" : " (the first part of that path that exists is " + existing + ")";
        return new EngineStartException("The " + engine + " data folder " + folder + " cannot be written: the user "
                + System.getProperty("user.name") + " has no permission to write to " + existing + where + ", which "
                + describeOwner(existing) + ".",
                "Give your user write access to that folder (e.g. sudo chown -R " + System.getProperty("user.name")
                        + " " + existing + "), or " + OTHER_FOLDER + ".", null);
    }

    private static EngineStartException fileSystemProblem(String engine, Path folder, Path existing, FileSystemException e) {
        String reason = e.getReason() == null ? "" : e.getReason();
        if (reason.contains("No space left") || reason.contains("quota")) {
            return diskFull(engine, folder, usableSpace(existing), e);
        }
        if (reason.contains("Read-only")) {
            return new EngineStartException("The " + engine + " data folder " + folder
                    + " cannot be written: " + existing + " is on a read-only file system.",
                    "Use a folder on a writable disk: " + OTHER_FOLDER + ".", e);
        }
        return new EngineStartException("The " + engine + " data folder " + folder + " cannot be made: " + existing
                + " does not permit new folders" + (reason.isEmpty() ? "" : " (" + reason + ")")
                + "; it is a system or virtual file system, not a place for data.",
                "Use a folder under your home directory: " + OTHER_FOLDER + ".", e);
    }

    private static EngineStartException diskFull(String engine, Path folder, long free, Throwable cause) {
        String space = free < 0 ? "no space is left" : "only " + megabytes(free) + " are free";
        return new EngineStartException("The disk that holds the " + engine + " data folder " + folder + " is full: "
                + space + ", and the engine needs at least " + megabytes(MIN_FREE_BYTES) + " to start.",
                "Free some space on that disk, or " + OTHER_FOLDER + " on another disk.", cause);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String describeOwner(Path path) {
        try {
            String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
            String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
            return "belongs to " + owner + " with permissions " + permissions;
        } catch (IOException | UnsupportedOperationException e) {
            return "is not writable for this user";
        }
    }

    private static long usableSpace(Path folder) {
        Path existing = nearestExisting(folder);
        try {
            return existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private static Path nearestExisting(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }
}
