package org.persistenceexplorer.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.service.connect.ConnectionCheck;
import org.persistenceexplorer.service.connect.ConnectionProfile;
import org.persistenceexplorer.service.connect.Connections;
import org.persistenceexplorer.service.connect.Neo4jTarget;
import org.persistenceexplorer.service.connect.PgPass;
import org.persistenceexplorer.service.connect.PostgresTarget;
import org.persistenceexplorer.service.connect.ProfileStore;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/**
 * The Connect dialog's view-model with the inline runner, on real profile files: started on the
 * embedded pair after using the user's own servers last time, the dialog selects that profile and
 * says one click uses it again (and that its Neo4j password is asked first).
 */
class ConnectViewModelTest {

    @TempDir
    Path dataDir;

    @Test
    void onTheEmbeddedPairTheProfileUsedLastIsSelectedAndOfferedAgain() throws Exception {
        ProfileStore store = new ProfileStore(dataDir);
        ConnectionProfile work = new ConnectionProfile("Work",
                PostgresTarget.ofUrl("jdbc:postgresql://127.0.0.1:1,127.0.0.1:2/sales", "analyst"),
                new Neo4jTarget("bolt://127.0.0.1:3", "", "neo4j"), false, 0);
        store.save(work);
        store.rememberLastUsed("Work");
        ConnectViewModel model = model(store, ConnectionProfile.EMBEDDED);

        model.load();

        assertThat(model.selectedProperty().get().name()).isEqualTo("Work");
        assertThat(model.messageProperty().get()).startsWith("You used 'Work' last time: Use this profile connects to it again")
                .contains("Neo4j password");
    }

    @Test
    void onTheEmbeddedPairWithNothingUsedBeforeNothingIsOffered() throws Exception {
        ProfileStore store = new ProfileStore(dataDir);
        ConnectViewModel model = model(store, ConnectionProfile.EMBEDDED);

        model.load();

        assertThat(model.selectedProperty().get().name()).isEqualTo(ConnectionProfile.EMBEDDED_NAME);
        assertThat(model.messageProperty().get()).doesNotContain("last time");
        assertThat(Files.exists(store.file())).as("reading writes nothing").isFalse();
    }

    private ConnectViewModel model(ProfileStore store, ConnectionProfile current) {
        Connections connections = new Connections(store, new PgPass(dataDir.resolve(".pgpass")),
                new ConnectionCheck(new StatementRecorder()), (profile, password) -> {
                    throw new AssertionError("no switch here");
                }, () -> current);
        return new ConnectViewModel(new InlineBackgroundRunner(), connections, () -> { });
    }
}
