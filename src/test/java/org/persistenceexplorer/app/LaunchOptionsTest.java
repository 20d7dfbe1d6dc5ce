package org.persistenceexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.engine.EngineSettings;

class LaunchOptionsTest {

    private static final Path DEFAULT_DIR = Path.of("/home/ada/.local/share/persistence-explorer");

    @Test
    void withoutOptionsBothEnginesAreEmbeddedInTheDefaultFolder() {
        EngineSettings settings = parse(List.of(), Map.of()).settings();

        assertThat(settings.dataDirectory()).isEqualTo(DEFAULT_DIR);
        assertThat(settings.embeddedPostgres()).isTrue();
        assertThat(settings.embeddedNeo4j()).isTrue();
        assertThat(settings.postgresFolder()).isEqualTo(DEFAULT_DIR.resolve("postgres"));
        assertThat(settings.neo4jFolder()).isEqualTo(DEFAULT_DIR.resolve("neo4j"));
    }

    @Test
    void environmentVariablesAreRead() {
        EngineSettings settings = parse(List.of(), Map.of(
                "PE_DATA_DIR", "/data/pe",
                "PE_PG_URL", "jdbc:postgresql://db:5432/hr", "PE_PG_USER", "app", "PE_PG_PASSWORD", "pw",
                "PE_NEO4J_URI", "neo4j://graph:7687", "PE_NEO4J_USER", "neo4j", "PE_NEO4J_PASSWORD", "gpw")).settings();

        assertThat(settings).isEqualTo(new EngineSettings(Path.of("/data/pe"), "jdbc:postgresql://db:5432/hr", "app", "pw",
                "neo4j://graph:7687", "neo4j", "gpw"));
        assertThat(settings.embeddedPostgres()).isFalse();
        assertThat(settings.embeddedNeo4j()).isFalse();
    }

    @Test
    void flagsWinOverEnvironmentVariables() {
        EngineSettings settings = parse(
                List.of("--data-dir", "/flag/dir", "--pg-url", "jdbc:postgresql://flag:5432/db", "--pg-user", "flaguser"),
                Map.of("PE_DATA_DIR", "/env/dir", "PE_PG_URL", "jdbc:postgresql://env:5432/db",
                        "PE_PG_USER", "envuser", "PE_PG_PASSWORD", "envpw")).settings();

        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/flag/dir"));
        assertThat(settings.pgUrl()).isEqualTo("jdbc:postgresql://flag:5432/db");
        assertThat(settings.pgUser()).isEqualTo("flaguser");
        assertThat(settings.pgPassword()).as("not given as a flag: the environment still counts").isEqualTo("envpw");
    }

    @Test
    void flagEqualsValueFormIsUnderstood() {
        EngineSettings settings = parse(List.of("--pg-url=jdbc:postgresql://db:5432/hr?ssl=true", "--pg-password=a=b",
                "--neo4j-uri=bolt://graph:7687"), Map.of()).settings();

        assertThat(settings.pgUrl()).isEqualTo("jdbc:postgresql://db:5432/hr?ssl=true");
        assertThat(settings.pgPassword()).as("only the first '=' separates").isEqualTo("a=b");
        assertThat(settings.neo4jUri()).isEqualTo("bolt://graph:7687");
    }

    @Test
    void blankValueMeansNotGiven() {
        EngineSettings settings = parse(List.of("--pg-url="), Map.of("PE_NEO4J_URI", "  ")).settings();

        assertThat(settings.embeddedPostgres()).isTrue();
        assertThat(settings.embeddedNeo4j()).isTrue();
    }

    @Test
    void helpIsRecognised() {
        assertThat(parse(List.of("--help"), Map.of()).helpRequested()).isTrue();
        assertThat(parse(List.of("-h"), Map.of()).helpRequested()).isTrue();
        assertThat(parse(List.of(), Map.of()).helpRequested()).isFalse();
        assertThat(LaunchOptions.usage()).contains("--pg-url", "PE_PG_URL", "--neo4j-uri", "--data-dir");
    }

    @Test
    void unknownFlagIsAClearError() {
        assertThatThrownBy(() -> parse(List.of("--pg-host", "db"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --pg-host").hasMessageContaining("--help");
        assertThatThrownBy(() -> parse(List.of("--pghost=db"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown option --pghost");
    }

    @Test
    void flagWithoutValueIsAClearError() {
        assertThatThrownBy(() -> parse(List.of("--data-dir"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--data-dir needs a value.");
    }

    @Test
    void badPostgresUrlIsAClearError() {
        assertThatThrownBy(() -> parse(List.of("--pg-url", "postgresql://db:5432/hr"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host:5432/database");
        assertThatThrownBy(() -> parse(List.of(), Map.of("PE_PG_URL", "jdbc:mysql://db/hr")))
                .as("checked when it comes from the environment too")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PE_PG_URL must look like");
    }

    @Test
    void badNeo4jUriIsAClearError() {
        for (String bad : List.of("http://graph:7474", "graph:7687", "bolt://")) {
            assertThatThrownBy(() -> parse(List.of("--neo4j-uri", bad), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bolt://host:7687 or neo4j://host:7687");
        }
        for (String good : List.of("bolt://graph", "neo4j+s://graph.example.org:7687", "bolt+ssc://10.0.0.1:7687")) {
            assertThat(parse(List.of("--neo4j-uri", good), Map.of()).settings().neo4jUri()).isEqualTo(good);
        }
    }

    @Test
    void settingsNeverShowAPassword() {
        EngineSettings settings = parse(List.of(
                "--pg-url", "jdbc:postgresql://db:5432/hr?user=app&password=url-secret&ssl=true",
                "--pg-user", "app", "--pg-password", "flag-secret",
                "--neo4j-uri", "neo4j://graph:7687", "--neo4j-user", "neo4j", "--neo4j-password", "graph-secret"),
                Map.of()).settings();

        assertThat(settings.toString())
                .doesNotContain("url-secret").doesNotContain("flag-secret").doesNotContain("graph-secret")
                .contains("db:5432/hr").contains("graph:7687").contains("app").contains("neo4j");
    }

    private static LaunchOptions parse(List<String> args, Map<String, String> env) {
        return LaunchOptions.parse(args, env, DEFAULT_DIR);
    }

    @Test
    void aRejectedUrlIsEchoedWithoutItsPassword() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LaunchOptions.parse(
                        java.util.List.of("--pg-url", "postgres://me:hunter2@db/app?password=hunter2"), java.util.Map.of(),
                        java.nio.file.Path.of("/tmp/pe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMalformedUrlFromTheEnvironmentIsReportedAsTheVariable() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of(), Map.of("PE_PG_URL", "notaurl"), Path.of("/tmp/pe")))
                .hasMessageStartingWith("The environment variable PE_PG_URL must look like jdbc:postgresql://");
    }
}
