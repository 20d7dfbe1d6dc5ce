package org.persistenceexplorer.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.persistenceexplorer.app.MeasuredStart;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;

/**
 * The startup benchmark's yardstick, in a JVM of its own like the app's starts: starts the
 * embedded PostgreSQL on an existing data folder (the only argument), prints
 * {@code PE-BENCH up_ms=... start_ms=...} (since this JVM started; the start call alone), stops
 * it and exits. A test-classpath main class, not a test.
 */
public final class BarePostgresStart {

    private BarePostgresStart() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), RootPolicy.detect())) {
            long upMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(MeasuredStart.LINE + "up_ms=" + upMs + " start_ms=" + (System.nanoTime() - start) / 1_000_000);
            System.out.flush();
        }
        System.exit(0);
    }
}
