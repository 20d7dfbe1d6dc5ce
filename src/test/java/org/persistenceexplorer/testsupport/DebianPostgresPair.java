package org.persistenceexplorer.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL primary and its streaming replica on loopback, as a user's own servers
 * would be: Debian's server binaries ({@code apt-get install postgresql-15}; {@code .ci/run}
 * installs them), {@code initdb} with password logins, the replica made by
 * {@code pg_basebackup -R}. Started once per test JVM, stopped when it exits.
 *
 * <p>PostgreSQL refuses to run as root: as root the servers run as the {@code postgres} user the
 * Debian package creates (through {@code runuser}), in folders given to that user. Where the
 * binaries are missing, {@link #get()} aborts the calling test with the reason (a skip, not a pass).
 *
 * <p>The primary holds the schema {@code sales} with {@code sales.orders} (1,000 rows) and the
 * login {@value #USER} / {@value #PASSWORD} that owns it; it is not a superuser, like an
 * analyst's account at work.
 */
public final class DebianPostgresPair {

    public static final String USER = "analyst";
    public static final String PASSWORD = "s3cret-analyst-pw";
    public static final String DATABASE = "work";
    private static final String SUPERUSER_PASSWORD = "s3cret-super-pw";
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    private static DebianPostgresPair pair;
    private static String unavailable;

    private final Path folder;
    private final Path bin;
    private final int primaryPort;
    private final int replicaPort;
    private final boolean asPostgresUser;

    private DebianPostgresPair(Path folder, Path bin, int primaryPort, int replicaPort, boolean asPostgresUser) {
        this.folder = folder;
        this.bin = bin;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
        this.asPostgresUser = asPostgresUser;
    }

    /** The pair, started on first use; aborts the test (skip) where the server binaries are missing. */
    public static synchronized DebianPostgresPair get() {
        if (pair == null && unavailable == null) {
            Optional<Path> bin = serverBinaries();
            if (bin.isEmpty()) {
                unavailable = "PostgreSQL's server binaries are not installed (/usr/lib/postgresql/<version>/bin/initdb);"
                        + " install them with apt-get install postgresql-15, as .ci/run does";
            } else {
                try {
                    pair = start(bin.get());
                } catch (Exception e) {
                    throw new IllegalStateException("Could not start the PostgreSQL primary and replica: " + e.getMessage(), e);
                }
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        return pair;
    }

    /** The newest installed server version's bin folder, 12 or later. */
    static Optional<Path> serverBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> Integer.parseInt(p.getFileName().toString()) >= 12)
                    .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .map(p -> p.resolve("bin"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static DebianPostgresPair start(Path bin) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        // Not under java.io.tmpdir's per-test folders: the postgres user must be able to enter it.
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "pe-pg-pair-");
        DebianPostgresPair started = new DebianPostgresPair(folder, bin, freePort(), freePort(), root);
        Files.writeString(folder.resolve("pw"), SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()), null);
            run(List.of("chmod", "700", folder.toString()), null);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "pe-pg-pair-stop"));
        started.initPrimary();
        started.seed();
        started.makeReplica();
        return started;
    }

    private void initPrimary() throws Exception {
        Path data = folder.resolve("primary");
        runAsServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + folder.resolve("pw"),
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        Files.writeString(data.resolve("postgresql.conf"), "\nlisten_addresses = '127.0.0.1'\n"
                + "port = " + primaryPort + "\nunix_socket_directories = '" + folder + "'\n"
                + "wal_level = replica\nmax_wal_senders = 5\nhot_standby = on\nfsync = off\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        startServer(data, primaryPort, "primary.log");
    }

    private void seed() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(primaryPort, "postgres"), "postgres", SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
        try (Connection c = DriverManager.getConnection(url(primaryPort, DATABASE), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA sales");
            s.execute("CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10,2))");
            s.execute("INSERT INTO sales.orders SELECT g, 'customer ' || (g % 97), g * 1.5 FROM generate_series(1, 1000) g");
            s.execute("ANALYZE sales.orders");
        }
    }

    private void makeReplica() throws Exception {
        Path data = folder.resolve("replica");
        List<String> command = List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(primaryPort), "-U", "postgres", "-D", data.toString(), "-R", "-X", "stream",
                // a fast checkpoint: the default spread one made the backup wait for minutes
                "--checkpoint=fast", "--no-sync");
        runAsServerUser(command, "PGPASSWORD=" + SUPERUSER_PASSWORD);
        startServer(data, replicaPort, "replica.log");
        awaitReplicaInRecovery();
    }

    private void startServer(Path data, int port, String log) throws Exception {
        runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve(log).toString(),
                "-o", "-p " + port + " -k " + folder, "-w", "-t", "60", "start"));
    }

    private void awaitReplicaInRecovery() throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(url(replicaPort, DATABASE), USER, PASSWORD);
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_is_in_recovery()")) {
                r.next();
                if (r.getBoolean(1)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the replica did not come up in recovery: " + (last == null ? "" : last.getMessage()));
    }

    /** Waits until the replica has replayed everything the primary wrote so far. */
    public void awaitReplicaCaughtUp() throws Exception {
        String lsn;
        try (Connection c = superuser(primaryPort); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_current_wal_lsn()")) {
            r.next();
            lsn = r.getString(1);
        }
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = superuser(replicaPort); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn")) {
                r.next();
                if (r.getBoolean(1)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the replica did not catch up with " + lsn);
    }

    /** A superuser connection, for a test's own set-up (never the app's). */
    public Connection superuser(int port) throws SQLException {
        return DriverManager.getConnection(url(port, DATABASE), "postgres", SUPERUSER_PASSWORD);
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    /** The server version's major number, e.g. 15. */
    public int majorVersion() {
        return Integer.parseInt(bin.getParent().getFileName().toString());
    }

    /** jdbc:postgresql://127.0.0.1:port/work */
    public String primaryUrl() {
        return url(primaryPort, DATABASE);
    }

    public String replicaUrl() {
        return url(replicaPort, DATABASE);
    }

    /** Both servers in one multi-host URL, with pgjdbc's target server type (primary, secondary, preferSecondary, any). */
    public String multiHostUrl(String targetServerType) {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + replicaPort + "/" + DATABASE
                + "?targetServerType=" + targetServerType;
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void stop() {
        for (String server : new String[] {"replica", "primary"}) {
            Path data = folder.resolve(server);
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                            "-w", "stop"));
                } catch (Exception e) {
                    System.err.println("could not stop the test's " + server + ": " + e.getMessage());
                }
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }

    private void runAsServerUser(List<String> command) throws Exception {
        runAsServerUser(command, null);
    }

    private void runAsServerUser(List<String> command, String environment) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, environment);
    }

    private static void run(List<String> command, String environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (environment != null) {
            String[] pair = environment.split("=", 2);
            builder.environment().put(pair[0], pair[1]);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
