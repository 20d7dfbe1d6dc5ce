package org.persistenceexplorer.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.service.connect.ConnectionCheck;
import org.persistenceexplorer.service.connect.ConnectionProfile;
import org.persistenceexplorer.service.connect.Connections;
import org.persistenceexplorer.service.connect.PgPass;
import org.persistenceexplorer.service.connect.PostgresTarget;
import org.persistenceexplorer.service.connect.ProfileStore;
import org.persistenceexplorer.service.engine.SqlEngine;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.DebianPostgresPair;
import org.persistenceexplorer.testsupport.Snapshots;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Connect dialog as a user drives it, on real servers: a new profile with the primary and
 * replica behind one multi-host URL and a Neo4j, the PostgreSQL Test answering, Use (saves the
 * profile: PostgreSQL's password to ~/.pgpass, Neo4j's nowhere): the engine moves to the replica
 * off the FX thread and the tabs are told to reload.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectViewTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NEO4J_PASSWORD = "typed-neo4j-pw-never-written";
    private static Path dataDir;
    private static String previousPgpass;
    private static final StatementRecorder recorder = new StatementRecorder();
    private final AtomicInteger reloads = new AtomicInteger();
    private static final AtomicReference<ConnectionProfile> current = new AtomicReference<>();
    private static SqlEngine engine;
    private FxBackgroundRunner runner;
    private Scene scene;

    @BeforeAll
    static void privateFiles() throws Exception {
        dataDir = Files.createTempDirectory("pe-connect-view-");
        previousPgpass = System.getProperty(PgPass.LOCATION_PROPERTY);
        System.setProperty(PgPass.LOCATION_PROPERTY, dataDir.resolve("home/.pgpass").toString());
        // Off the FX thread: the servers take a while to start.
        DebianPostgresPair pair = DebianPostgresPair.get();
        // The app's engine, on the primary to begin with (the user's earlier profile).
        PostgresTarget primary = PostgresTarget.ofUrl(pair.primaryUrl(), DebianPostgresPair.USER);
        new PgPass(dataDir.resolve("home/.pgpass")).remember(primary, DebianPostgresPair.PASSWORD);
        ConnectionProfile before = new ConnectionProfile("primary only", primary, null, false, 0);
        current.set(before);
        engine = new SqlEngine(before.settings(dataDir, null), recorder, RootPolicy.detect());
        engine.start();
    }

    @AfterAll
    static void restore() {
        engine.close();
        if (previousPgpass == null) {
            System.clearProperty(PgPass.LOCATION_PROPERTY);
        } else {
            System.setProperty(PgPass.LOCATION_PROPERTY, previousPgpass);
        }
    }

    @Start
    void start(Stage stage) {
        ProfileStore store = new ProfileStore(dataDir);
        Connections connections = new Connections(store, PgPass.standard(), new ConnectionCheck(recorder),
                (profile, neo4jPassword) -> {
                    engine.switchTo(profile.settings(dataDir, neo4jPassword));
                    current.set(profile);
                }, current::get);
        runner = new FxBackgroundRunner(2);
        ConnectViewModel model = new ConnectViewModel(runner, connections, reloads::incrementAndGet);
        scene = new Scene(ViewLoader.load(new ConnectView(model, stage::close)), 980, 640);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        scene.getStylesheets().add(getClass().getResource("/css/connect.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void newProfileIsTestedSavedAndUsed() throws Exception {
        DebianPostgresPair pair = DebianPostgresPair.get();
        clickOn("#connectNew");
        field("#connectName", "Work: primary + replica");
        assertThat(lookup("#connectOwnPostgres").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("a new profile starts with the user's own PostgreSQL").isTrue();
        field("#connectPgUrl", pair.multiHostUrl("preferSecondary"));
        field("#connectPgUser", DebianPostgresPair.USER);
        field("#connectPgPassword", DebianPostgresPair.PASSWORD);
        clickOn("#connectOwnNeo4j");
        // The Neo4j Test against the second-JVM server is ConnectionCheckTest's; here only its password's fate.
        field("#connectNeoUri", "neo4j://127.0.0.1:7687");
        field("#connectNeoPassword", NEO4J_PASSWORD);

        clickOn("#connectTestPostgres");
        Await.until(WAIT, () -> !text("#connectPgAnswer").startsWith("Testing"), "the Test answers");
        snapshot("connect-dialog-tested");
        assertThat(text("#connectPgAnswer")).contains("127.0.0.1:" + pair.replicaPort()).contains("a replica");

        clickOn("#connectUse");
        Await.until(WAIT, () -> reloads.get() == 1 || text("#connectMessage").startsWith("Still on"),
                "the switch is done and the tabs were told to reload");
        assertThat(engine.status().address()).isEqualTo("127.0.0.1:" + pair.replicaPort() + "/work (replica)");
        assertThat(engine.readOnly()).isTrue();
        assertThat(text("#connectMessage")).startsWith("Now on 'Work: primary + replica'. Read-only");
        ListView<?> list = lookup("#connectProfiles").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(2);
        snapshot("connect-dialog-switched");

        String profileFile = Files.readString(dataDir.resolve(ProfileStore.FILE_NAME));
        assertThat(profileFile).contains("Work\\: primary + replica").doesNotContain(DebianPostgresPair.PASSWORD)
                .doesNotContain(NEO4J_PASSWORD);
        assertThat(Files.readString(dataDir.resolve("home/.pgpass"))).contains(DebianPostgresPair.PASSWORD)
                .doesNotContain(NEO4J_PASSWORD);
    }

    private void snapshot(String name) {
        interact(() -> {
            try {
                Snapshots.save(scene, name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Types into a field as the user would after tabbing there (it may sit below the scroll pane's fold). */
    private void field(String id, String value) {
        interact(() -> {
            javafx.scene.control.TextInputControl input = lookup(id).query();
            input.requestFocus();
            input.setText(value);
        });
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
