package org.persistenceexplorer.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.domain.migration.HistoryEntry;
import org.persistenceexplorer.service.migrations.FolderEntry;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.Snapshots;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tab as a learner uses it, on the real server with the app's runner: slide the blog to its
 * last version and move the schema there, pick the data migration in the history and see its
 * diagram marks, slide back to the empty schema; open a folder of someone else's scripts and see
 * what happens to each file. Snapshots go to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class MigrationsViewTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final String prefix = "w" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    private final FxBackgroundRunner runner = new FxBackgroundRunner(3);
    private MigrationsViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        model = new MigrationsViewModel(new MigrationTracks(() -> TestEngines.sql().database().dataSource(), prefix), runner);
        scene = new Scene(ViewLoader.load(new MigrationsView(model)), 1280, 800);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void dropSchemas() throws Exception {
        var ds = TestEngines.sql().database().dataSource();
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            var names = new java.util.ArrayList<String>();
            try (var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String n : names) {
                s.execute("DROP SCHEMA \"" + n + "\" CASCADE");
            }
        }
    }

    /** On the FX thread: a lookup from the test thread races the scene graph changing under it. */
    private String current() {
        return WaitForAsyncUtils.waitForAsyncFx(10_000,
                () -> lookup("#migrationCurrent").queryAs(Label.class).getText());
    }

    private void awaitCurrent(String part) {
        Await.until(WAIT, () -> current().contains(part) && !model.busyProperty().get(), "current line contains " + part);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void slideTheBlogToTheEndPickTheDataMigrationAndSlideBack() throws Exception {
        awaitCurrent("of 4 versions");
        Slider slider = lookup("#migrationTimeline").queryAs(Slider.class);
        interact(() -> slider.setValue(slider.getMax()));
        assertThat(lookup("#migrationTarget").queryAs(Label.class).getText()).isEqualTo("v4 comment moderation");
        clickOn("#migrationMove");
        awaitCurrent("version 4 of 4");

        TableView<HistoryEntry> history = lookup("#migrationHistory").queryTableView();
        int v3 = history.getItems().stream().map(HistoryEntry::version).toList().indexOf("3");
        interact(() -> history.getSelectionModel().select(v3));
        Node diagram = lookup("#migrationDiagram").query();
        Await.until(WAIT, () -> WaitForAsyncUtils.waitForAsyncFx(10_000, () -> from(diagram).lookup("#diagram-tag").tryQuery()
                .map(n -> n.getStyleClass().contains("pe-mark-added")).orElse(false)), "the diagram shows tag as added");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(from(diagram).lookup("#diagram-post").query().getStyleClass()).contains("pe-mark-changed");
        assertThat(from(diagram).lookup("#diagram-author").query().getStyleClass()).contains("pe-mark-same");
        ListView<?> changes = lookup("#migrationChanges").queryListView();
        assertThat(changes.getItems()).isNotEmpty();
        interact(() -> saveQuietly("migrations-view-blog-v3"));

        interact(() -> slider.setValue(0));
        clickOn("#migrationMove");
        awaitCurrent("empty schema");
        assertThat(history.getItems()).filteredOn(e -> e.version() != null).allMatch(e -> e.state().equals("Pending"));
    }

    @Test
    void aFolderOfSomeoneElsesScriptsListsEveryFileAndMigrates() throws Exception {
        awaitCurrent("of 4 versions");
        Path folder = Files.createTempDirectory("someone-elses-scripts");
        try {
            Files.writeString(folder.resolve("V1__create_shop.sql"), "CREATE TABLE customer (id bigint PRIMARY KEY, name text NOT NULL);");
            Files.writeString(folder.resolve("V2__orders.sql"),
                    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customer (id));");
            Files.writeString(folder.resolve("R__order_count.sql"),
                    "CREATE OR REPLACE VIEW order_count AS SELECT customer_id, count(*) FROM orders GROUP BY customer_id;");
            Files.writeString(folder.resolve("README.md"), "notes");
            Files.writeString(folder.resolve("v3-discounts.sql"), "SELECT 1;");
            interact(() -> model.openFolder(folder));
            awaitCurrent(folder.getFileName().toString());
            assertThat(lookup("#migrationTrack").queryComboBox().getValue()).isEqualTo(folder.getFileName().toString());
            assertThat(lookup("#migrationTrack").queryComboBox().getSelectionModel().getSelectedItem())
                    .isEqualTo(folder.getFileName().toString());
            interact(() -> lookup("#migrationDetail").queryAs(TabPane.class).getSelectionModel().select(2));
            ListView<FolderEntry> files = lookup("#migrationFolder").queryListView();
            assertThat(files.getItems()).extracting(FolderEntry::file)
                    .containsExactly("README.md", "R__order_count.sql", "V1__create_shop.sql", "V2__orders.sql", "v3-discounts.sql");
            assertThat(files.getItems()).filteredOn(f -> !f.runs()).extracting(FolderEntry::file)
                    .containsExactlyInAnyOrder("README.md", "v3-discounts.sql");

            Slider slider = lookup("#migrationTimeline").queryAs(Slider.class);
            interact(() -> slider.setValue(slider.getMax()));
            clickOn("#migrationMove");
            awaitCurrent("version 2 of 2");
            TableView<HistoryEntry> history = lookup("#migrationHistory").queryTableView();
            assertThat(history.getItems()).extracting(HistoryEntry::script).contains("R__order_count.sql");
            assertThat(history.getItems()).filteredOn(e -> "R__order_count.sql".equals(e.script()))
                    .extracting(HistoryEntry::state).containsExactly("Success");
            interact(() -> saveQuietly("migrations-view-folder"));
        } finally {
            TestEngines.deleteFolder(folder);
        }
    }

    private void saveQuietly(String name) {
        try {
            Snapshots.save(scene, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
