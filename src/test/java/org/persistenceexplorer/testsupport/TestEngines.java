package org.persistenceexplorer.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.sql.HibernateOrm;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.graph.EmbeddedNeo4jServer;
import org.persistenceexplorer.store.graph.GraphGateway;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;
import org.persistenceexplorer.store.sql.MigrationTrack;
import org.persistenceexplorer.store.sql.Migrations;
import org.persistenceexplorer.store.sql.SqlDatabase;

/**
 * The real embedded engines for tests: started once per test JVM on a throw-away data folder,
 * shared by every test, stopped when the JVM exits. Tests isolate themselves (own schema, own
 * rows, rollback) and listen to {@link #recorder()} for what they ran.
 */
public final class TestEngines {

    /** What the app's Hibernate maps: the HR sample, the loading lab and the shop. */
    public static final java.util.List<Class<?>> ENTITIES = java.util.stream.Stream.of(HrModel.ENTITIES,
            org.persistenceexplorer.domain.lab.LabModel.ENTITIES,
            org.persistenceexplorer.domain.shop.ShopModel.ENTITIES).flatMap(java.util.List::stream).toList();

    /** The one recorder both engines report to, as in the app. */
    private static final StatementRecorder RECORDER = new StatementRecorder();
    private static Sql sql;
    private static Graph graph;
    private static SessionFactory hibernate;

    private TestEngines() {
    }

    /** PostgreSQL with the HR track migrated and a captured pool on it. */
    public static synchronized Sql sql() {
        if (sql == null) {
            try {
                Path folder = Files.createTempDirectory("pe-test-");
                StatementRecorder recorder = RECORDER;
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres"), RootPolicy.detect());
                SqlDatabase database = SqlDatabase.open(server.endpoint(), recorder);
                new Migrations(database.dataSource()).migrate(MigrationTrack.HR);
                sql = new Sql(folder, server, database, recorder);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    database.close();
                    server.close();
                    // The launcher's own shutdown hook may be the one stopping the server, in
                    // parallel; deleting before it is down leaves the files it writes last behind.
                    awaitGone(folder.resolve("postgres").resolve("postmaster.pid"));
                    deleteQuietly(folder);
                }, "pe-test-engines-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL for tests: " + e.getMessage(), e);
            }
        }
        return sql;
    }

    /**
     * Hibernate with the HR entities on the shared captured pool, built once per test JVM
     * (booting it costs about a second). Closed when the JVM exits.
     */
    public static synchronized SessionFactory hibernate() {
        if (hibernate == null) {
            SessionFactory built = HibernateOrm.open(sql().database().dataSource(), ENTITIES);
            Runtime.getRuntime().addShutdownHook(new Thread(built::close, "pe-test-hibernate-close"));
            hibernate = built;
        }
        return hibernate;
    }

    /** Neo4j embedded on its own throw-away folder, with a gateway reporting to the same recorder as {@link #sql()}. */
    public static synchronized Graph graph() {
        if (graph == null) {
            try {
                Path folder = Files.createTempDirectory("pe-test-neo4j-");
                EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(folder.resolve("neo4j"));
                GraphGateway gateway = GraphGateway.connect(server.endpoint(), RECORDER);
                graph = new Graph(folder, server, gateway, RECORDER);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    gateway.close();
                    server.close();
                    deleteQuietly(folder);
                }, "pe-test-neo4j-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded Neo4j for tests: " + e.getMessage(), e);
            }
        }
        return graph;
    }

    /** Deletes a test's own data folder (best effort). */
    public static void deleteFolder(Path folder) {
        deleteQuietly(folder);
    }

    private static void awaitGone(Path file) {
        Await.holdsWithin(Duration.ofSeconds(30), () -> !Files.exists(file));
    }

    static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    /** The shared PostgreSQL: its server, the captured pool, and the recorder every statement reaches. */
    public record Sql(Path folder, EmbeddedPostgresServer server, SqlDatabase database, StatementRecorder recorder) {
    }

    /** The shared Neo4j: its server, the gateway, and the recorder every statement reaches. */
    public record Graph(Path folder, EmbeddedNeo4jServer server, GraphGateway gateway, StatementRecorder recorder) {

        /** The gateway as services see the graph. */
        public CypherRunner cypher() {
            return new CypherRunner() {
                @Override
                public GraphResult read(String cypher, Map<String, Object> parameters) {
                    return gateway.read(cypher, parameters);
                }

                @Override
                public GraphResult write(String cypher, Map<String, Object> parameters) {
                    return gateway.write(cypher, parameters);
                }
            };
        }
    }
}
