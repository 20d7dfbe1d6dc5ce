package org.persistenceexplorer.service.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.service.engine.GraphEngine;
import org.persistenceexplorer.service.engine.SqlEngine;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.graph.GraphQueryException;
import org.persistenceexplorer.testsupport.DebianPostgresPair;
import org.persistenceexplorer.testsupport.Neo4jInAnotherProcess;

/**
 * An external profile is read-only until its writes are unlocked: the server refuses the app's
 * writes on PostgreSQL (default_transaction_read_only in the startup packet) and on Neo4j (read
 * transactions), the password comes from ~/.pgpass, and no file the app writes holds it.
 */
class ReadOnlyProfileTest {

    @TempDir
    Path dataDir;
    private String previousPgpass;
    private final StatementRecorder recorder = new StatementRecorder();
    private final StatementLog log = new StatementLog();

    @BeforeEach
    void privatePgpass() {
        previousPgpass = System.getProperty(PgPass.LOCATION_PROPERTY);
        System.setProperty(PgPass.LOCATION_PROPERTY, dataDir.resolve("home/.pgpass").toString());
        recorder.addListener(log);
    }

    @AfterEach
    void restorePgpass() {
        if (previousPgpass == null) {
            System.clearProperty(PgPass.LOCATION_PROPERTY);
        } else {
            System.setProperty(PgPass.LOCATION_PROPERTY, previousPgpass);
        }
    }

    @Test
    void anUpdateOnTheExternalPrimaryIsRefusedUntilWritesAreUnlocked() throws Exception {
        DebianPostgresPair pair = DebianPostgresPair.get();
        PostgresTarget primary = PostgresTarget.ofUrl(pair.primaryUrl(), DebianPostgresPair.USER);
        PgPass.standard().remember(primary, DebianPostgresPair.PASSWORD);
        ConnectionProfile profile = new ConnectionProfile("work primary", primary, null, false, 30);
        new ProfileStore(dataDir).save(profile);

        try (SqlEngine engine = new SqlEngine(profile.settings(dataDir, null), recorder, RootPolicy.detect())) {
            engine.start();
            assertThat(engine.readOnly()).isTrue();
            assertThat(engine.status().address()).isEqualTo("127.0.0.1:" + pair.primaryPort() + "/work (primary)");
            assertThatThrownBy(() -> update(engine))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"))
                    .hasMessageContaining("read-only transaction");
            assertThat(setting(engine, "statement_timeout")).isEqualTo("30s");

            engine.switchTo(profile.withWritesUnlocked(true).settings(dataDir, null));
            assertThat(engine.readOnly()).isFalse();
            assertThat(update(engine)).isEqualTo(1);
        }
        assertThat(filesUnder(dataDir.resolve("connections.properties").getParent()))
                .noneMatch(text -> text.contains(DebianPostgresPair.PASSWORD));
    }

    @Test
    void aSwitchToServersThatCannotBeReachedLeavesTheEngineOnThePreviousOnes() throws Exception {
        DebianPostgresPair pair = DebianPostgresPair.get();
        PostgresTarget primary = PostgresTarget.ofUrl(pair.primaryUrl(), DebianPostgresPair.USER);
        PgPass.standard().remember(primary, DebianPostgresPair.PASSWORD);
        ConnectionProfile before = new ConnectionProfile("work primary", primary, null, false, 30);
        ConnectionProfile nowhere = new ConnectionProfile("nowhere",
                PostgresTarget.of("127.0.0.1", 1, "work", DebianPostgresPair.USER), null, false, 30);

        try (SqlEngine engine = new SqlEngine(before.settings(dataDir, null), recorder, RootPolicy.detect())) {
            engine.start();
            assertThatThrownBy(() -> engine.switchTo(nowhere.settings(dataDir, null)))
                    .isInstanceOf(org.persistenceexplorer.store.engine.EngineStartException.class);
            assertThat(engine.status().address()).as("back on the primary, usable")
                    .isEqualTo("127.0.0.1:" + pair.primaryPort() + "/work (primary)");
            assertThat(setting(engine, "statement_timeout")).isEqualTo("30s");
        }
    }

    @Test
    void theReplicaAnswersAMultiHostUrlPreferringSecondaries() throws Exception {
        DebianPostgresPair pair = DebianPostgresPair.get();
        PostgresTarget both = PostgresTarget.ofUrl(pair.multiHostUrl("preferSecondary"), DebianPostgresPair.USER);
        PgPass.standard().remember(both, DebianPostgresPair.PASSWORD);
        ConnectionProfile profile = new ConnectionProfile("pair", both, null, false, 0);

        try (SqlEngine engine = new SqlEngine(profile.settings(dataDir, null), recorder, RootPolicy.detect())) {
            engine.start();
            assertThat(engine.status().address()).isEqualTo("127.0.0.1:" + pair.replicaPort() + "/work (replica)");
            try (Connection c = engine.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), pg_is_in_recovery() FROM sales.orders")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(1000);
                assertThat(r.getBoolean(2)).isTrue();
            }
        }
    }

    @Test
    void aWriteOnTheExternalNeo4jIsRefusedAndNothingIsWritten() throws Exception {
        Neo4jInAnotherProcess neo4j = Neo4jInAnotherProcess.get();
        ConnectionProfile profile = new ConnectionProfile("graph", null,
                new Neo4jTarget(neo4j.boltUri(), "", Neo4jInAnotherProcess.USER), false, 0);
        try (GraphEngine engine = new GraphEngine(profile.settings(dataDir, Neo4jInAnotherProcess.PASSWORD), recorder)) {
            engine.start();
            engine.upWithoutImport();
            long before = log.counters().total();
            assertThatThrownBy(() -> engine.write("CREATE (:ReadOnlyProbe)", Map.of()))
                    .isInstanceOf(GraphQueryException.class).hasMessageStartingWith("Not written: Neo4j at 127.0.0.1:"
                            + neo4j.port() + " is not the app's own server");
            assertThat(log.counters().total()).as("refused before it was sent").isEqualTo(before);
            assertThatThrownBy(() -> engine.read("CREATE (:ReadOnlyProbe)", Map.of()))
                    .isInstanceOf(GraphQueryException.class).hasMessageContaining("read-only")
                    .hasMessageContaining("Writing in read access mode not allowed");
            assertThat(engine.read("MATCH (n:ReadOnlyProbe) RETURN count(n) AS n", Map.of()).rows().get(0).get("n"))
                    .isEqualTo(0L);
        }
    }

    @Test
    void theConsolesUpdateGetsTheReadOnlyReason() throws Exception {
        DebianPostgresPair pair = DebianPostgresPair.get();
        PostgresTarget primary = PostgresTarget.ofUrl(pair.primaryUrl(), DebianPostgresPair.USER);
        PgPass.standard().remember(primary, DebianPostgresPair.PASSWORD);
        ConnectionProfile profile = new ConnectionProfile("work primary", primary, null, false, 0);
        try (SqlEngine engine = new SqlEngine(profile.settings(dataDir, null), recorder, RootPolicy.detect())) {
            engine.start();
            org.persistenceexplorer.service.console.SqlConsole console = new org.persistenceexplorer.service.console.SqlConsole(
                    engine::dataSource, () -> engine.readOnly() ? "the profile 'work primary' is read-only." : null);
            String update = "UPDATE sales.orders SET total = 0 WHERE id = 2";
            // The user even confirmed the write: the server still refuses it, and says why in our words.
            org.persistenceexplorer.service.console.RunSettings confirmed =
                    new org.persistenceexplorer.service.console.RunSettings(10, Map.of(), true, true);
            assertThatThrownBy(() -> console.run(new org.persistenceexplorer.domain.console.ScriptPiece(update, 0), confirmed))
                    .hasMessageStartingWith("Not written: the profile 'work primary' is read-only.")
                    .hasMessageContaining("cannot execute UPDATE in a read-only transaction");
            try (Connection c = pair.superuser(pair.primaryPort()); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT total FROM sales.orders WHERE id = 2")) {
                r.next();
                assertThat(r.getBigDecimal(1)).isEqualByComparingTo("3.0");
            }
        }
    }

    private static int update(SqlEngine engine) throws SQLException {
        try (Connection c = engine.dataSource().getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE sales.orders SET total = total WHERE id = 1");
        }
    }

    private static String setting(SqlEngine engine, String name) throws SQLException {
        try (Connection c = engine.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    private static java.util.List<String> filesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.endsWith(".pgpass")).map(p -> {
                try {
                    return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
