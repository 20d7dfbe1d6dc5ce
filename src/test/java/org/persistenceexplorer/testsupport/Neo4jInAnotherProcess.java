package org.persistenceexplorer.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Neo4j as a separate server, as a user's own would be: the same Neo4j 5.26 Community jars the
 * app embeds, started in a second JVM on a free loopback port, with authentication on (user
 * {@code neo4j}, password {@value #PASSWORD}) and Bolt's advertised address set so that
 * {@code neo4j://} routing works too. Started once per test JVM ({@link #get()}), stopped when it
 * exits. The graph is the test's to write; it starts empty.
 */
public final class Neo4jInAnotherProcess {

    public static final String USER = "neo4j";
    public static final String PASSWORD = "s3cret-graph-pw";
    private static final Duration GIVE_UP = Duration.ofMinutes(6);
    private static Neo4jInAnotherProcess shared;

    private final Process process;
    private final int port;
    private final Path folder;
    private final List<String> output;

    private Neo4jInAnotherProcess(Process process, int port, Path folder, List<String> output) {
        this.process = process;
        this.port = port;
        this.folder = folder;
        this.output = output;
    }

    /** The shared second-JVM server, started on first use (about 10 s). */
    public static synchronized Neo4jInAnotherProcess get() {
        if (shared == null) {
            try {
                shared = start();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start Neo4j in a second JVM: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "pe-neo4j-process-stop"));
        }
        return shared;
    }

    private static Neo4jInAnotherProcess start() throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("pe-neo4j-process-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Neo4jInAnotherProcess.class.getName(), folder.toString(), String.valueOf(port))
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.equals("UP")) {
                        up.complete(null);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
            up.completeExceptionally(new IllegalStateException("the Neo4j process ended before it was up"));
        }, "neo4j-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            up.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("Neo4j process: " + String.join("\n", output), e);
        }
        return new Neo4jInAnotherProcess(process, port, folder, output);
    }

    public int port() {
        return port;
    }

    /** bolt://127.0.0.1:port, a direct connection. */
    public String boltUri() {
        return "bolt://127.0.0.1:" + port;
    }

    /** neo4j://127.0.0.1:port, through the server's routing table. */
    public String routingUri() {
        return "neo4j://127.0.0.1:" + port;
    }

    /** What the other JVM printed, for failure messages. */
    public String output() {
        return String.join("\n", output);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }

    /** The second JVM: args folder, port. Prints "UP" once Bolt answers with the password set. */
    public static void main(String[] args) throws Exception {
        // The test JVM holds our stdin: when it ends, killed or not, reading gives EOF and we go too.
        Thread orphanWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent
                }
            } catch (IOException e) {
                // the pipe broke: the same as EOF
            }
            System.exit(0);
        }, "exit-with-the-test-jvm");
        orphanWatch.setDaemon(true);
        orphanWatch.start();
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
        // Embedded transactions run as the database itself, so the system database takes the
        // password here, as neo4j-admin's set-initial-password would on a packaged server.
        service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD '" + PASSWORD + "' CHANGE NOT REQUIRED");
        service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(GIVE_UP.toMillis());
        System.out.println("UP");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
