package org.persistenceexplorer.service.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles are remembered across runs, the embedded pair is always first, and no password is written by the store. */
class ProfileStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void profilesAndTheLastUsedSurviveANewStore() throws Exception {
        ProfileStore store = new ProfileStore(dataDir);
        ConnectionProfile work = new ConnectionProfile("Work: sales replica",
                PostgresTarget.ofUrl("jdbc:postgresql://db1:5432,db2:5433/sales?targetServerType=preferSecondary", "analyst"),
                new Neo4jTarget("neo4j+s://graph.example.com:7687", "hr", "reader"), false, 30);
        store.save(work);
        store.save(new ConnectionProfile("Only a graph", null, new Neo4jTarget("bolt://127.0.0.1:7688", "", "neo4j"), true, 0));
        store.rememberLastUsed(work.name());

        ProfileStore again = new ProfileStore(dataDir);
        assertThat(again.profiles()).extracting(ConnectionProfile::name)
                .containsExactly(ConnectionProfile.EMBEDDED_NAME, "Only a graph", "Work: sales replica");
        assertThat(again.lastUsed()).isEqualTo(work);
        assertThat(again.lastUsed().readOnly()).isTrue();

        again.remove(work.name());
        assertThat(again.lastUsed()).isEqualTo(ConnectionProfile.EMBEDDED);
    }

    @Test
    void aProfileWithProblemsIsRefusedInWords() {
        ProfileStore store = new ProfileStore(dataDir);
        ConnectionProfile bad = new ConnectionProfile("x", PostgresTarget.of("", 0, "", ""),
                new Neo4jTarget("http://graph:7474", "", ""), false, 0);
        assertThatThrownBy(() -> store.save(bad)).hasMessageContaining("host name")
                .hasMessageContaining("port must be between").hasMessageContaining("must look like bolt://host:7687");
        assertThat(Files.exists(store.file())).isFalse();
    }

    @Test
    void pgpassGetsTheLineAndStaysPrivateWhileTheProfileFileHoldsNoPassword() throws Exception {
        Path pgpassFile = dataDir.resolve("home/.pgpass");
        PgPass pgpass = new PgPass(pgpassFile);
        PostgresTarget single = PostgresTarget.of("db.example.com", 5432, "sales", "analyst");
        PostgresTarget multi = PostgresTarget.ofUrl("jdbc:postgresql://h1:5432,h2:5433/sales?targetServerType=any", "analyst");
        pgpass.remember(single, "pa:ss\\word");
        pgpass.remember(multi, "second");
        pgpass.remember(single, "changed");
        new ProfileStore(dataDir).save(new ConnectionProfile("p", single, null, false, 0));

        assertThat(Files.readAllLines(pgpassFile)).as("a multi-host URL's line, then one per host (psql, the per-host Test)")
                .containsExactly("h1,h2:5432,5433:sales:analyst:second", "h1:5432:sales:analyst:second",
                        "h2:5433:sales:analyst:second", "db.example.com:5432:sales:analyst:changed");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pgpassFile))).isEqualTo("rw-------");
        assertThat(pgpass.knows(single)).isTrue();
        assertThat(pgpass.knows(PostgresTarget.of("db.example.com", 5432, "sales", "other"))).isFalse();
        assertThat(Files.readString(new ProfileStore(dataDir).file())).doesNotContain("changed", "second", "pa:ss");
        assertThat(PgPass.escape("pa:ss\\word")).isEqualTo("pa\\:ss\\\\word");
    }

    @Test
    void pgpassIsFoundWherePgjdbcLooks() {
        Path home = Path.of("/home/someone");
        assertThat(PgPass.location("/x/p", Map.of("PGPASSFILE", "/y"), home)).isEqualTo(Path.of("/x/p"));
        assertThat(PgPass.location(null, Map.of("PGPASSFILE", "/y"), home)).isEqualTo(Path.of("/y"));
        assertThat(PgPass.location(null, Map.of(), home)).isEqualTo(home.resolve(".pgpass"));
    }

    @Test
    void targetsBuildTheirUrlAndNameTheirHosts() {
        PostgresTarget built = new PostgresTarget("db", 5433, "sales", "", "analyst", "require", "");
        assertThat(built.url()).isEqualTo("jdbc:postgresql://db:5433/sales?sslmode=require");
        assertThat(PostgresTarget.ofUrl("jdbc:postgresql://a,b:5433/s?targetServerType=secondary", "u").hostsAndPorts())
                .isEqualTo(List.of("a:5432", "b:5433"));
        assertThat(new Neo4jTarget("neo4j+ssc://g", "", "").address()).isEqualTo("g:7687");
        assertThat(new Neo4jTarget("neo4j+ssc://g:7000", "", "").problems()).isEmpty();
    }
}
