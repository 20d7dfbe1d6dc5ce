package org.persistenceexplorer.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;

/**
 * The embedded PostgreSQL started by another JVM, as another Persistence Explorer (or one that
 * is about to crash) would run it: {@link #main} starts the server on a folder, writes a row,
 * keeps one connection open like the app's pool, says "UP port" and waits to be killed.
 * Tests start it with {@link #start(Path)}.
 */
public final class PostgresInAnotherProcess implements AutoCloseable {

    public static final String TABLE = "crash_drill";
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    private final Process process;
    private final int port;
    private final List<String> output;

    private PostgresInAnotherProcess(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts the other JVM and returns once its server is up. */
    public static PostgresInAnotherProcess start(Path dataDirectory) throws IOException, InterruptedException {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(javaBinary.toString(), "-cp", System.getProperty("java.class.path"),
                PostgresInAnotherProcess.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.startsWith("UP ")) {
                        up.complete(Integer.parseInt(line.substring(3).trim()));
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
            up.completeExceptionally(new IllegalStateException("the other process ended before its server was up"));
        }, "other-postgres-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new PostgresInAnotherProcess(process, up.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS), output);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("other process: " + String.join("\n", output), e);
        }
    }

    /** The port its server listens on. */
    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Kills the JVM the hard way (SIGKILL): no shutdown hooks, the server is left running, as after a crash. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
    }

    /** Ends the JVM normally (SIGTERM): its shutdown hooks stop the server. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** What the other JVM printed, for failure messages. */
    public String output() {
        return String.join("\n", output);
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, RootPolicy.detect());
        Connection connection = DriverManager.getConnection(server.endpoint().jdbcUrl(), server.endpoint().user(), "");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (note text)");
            s.execute("INSERT INTO " + TABLE + " VALUES ('written before the crash')");
        }
        System.out.println("UP " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
