package org.persistenceexplorer.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    private <T> T fx(java.util.concurrent.Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
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
        // TestFX shares one stage per JVM and an earlier test may have left it small (seen at 640x442,
        // one history row on show): bring the current version's row into view, check the rows shown.
        interact(() -> history.scrollTo(history.getItems().size() - 1));
        // The rows restyle in the next layout pass, which may come after the FX events are done.
        List<List<String>> seen = new java.util.ArrayList<>(List.of(List.of()));
        boolean marked = Await.holdsWithin(WAIT, () -> {
            seen.set(0, rowsMarked(history, "pe-current"));
            return seen.get(0).equals(List.of("4"));
        });
        assertThat(marked).as("the current version's row is marked; rows marked current: %s, items: %s; table %s; rows %s", seen.get(0),
                fx(() -> history.getItems().stream().map(e -> e.version() + (e.current() ? "*" : "")).toList()),
                fx(() -> history.getWidth() + "x" + history.getHeight() + " visible " + history.isVisible() + " scene " + history.getScene().getWidth() + "x" + history.getScene().getHeight()),
                fx(() -> from(history).lookup(".table-row-cell").queryAll().stream().map(n -> (javafx.scene.control.TableRow<?>) n)
                        .map(r -> r.getIndex() + ":" + (r.getItem() instanceof HistoryEntry e ? e.version() + (e.current() ? "*" : "") : "-")
                                + (r.isVisible() ? "" : "(hidden)") + r.getPseudoClassStates() + r.getClass().getSimpleName()).toList())).isTrue();
        assertThat(rowsMarked(history, "pe-state-success")).contains("4").isEqualTo(rowsShown(history, "Success"));
        Await.until(WAIT, () -> staleRowsOnShow(history).isEmpty(), "every history row on show shows its entry after the move");
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

        // The outcome line keeps its place while the next action runs: nothing below it moves.
        Node content = ((javafx.scene.layout.BorderPane) scene.getRoot()).getCenter();
        List<Double> contentTops = new java.util.concurrent.CopyOnWriteArrayList<>();
        interact(() -> content.layoutYProperty().addListener((obs, old, now) -> contentTops.add(now.doubleValue())));
        interact(() -> slider.setValue(0));
        clickOn("#migrationMove");
        awaitCurrent("empty schema");
        assertThat(history.getItems()).filteredOn(e -> e.version() != null).allMatch(e -> e.state().equals("Pending"));
        Await.until(WAIT, () -> {
            List<String> pending = rowsMarked(history, "pe-state-pending");
            return !pending.isEmpty() && pending.equals(rowsShown(history, "Pending"));
        }, "every versioned row on show is marked pending");
        // Checked after the rows restyled, i.e. after a layout pass that followed the move's end.
        assertThat(contentTops).as("the history and details did not move during the move").isEmpty();
        assertThat(fx(() -> lookup("#migrationMessage").queryAs(Label.class).getText())).contains("is now at the empty schema");
        assertThat(rowsMarked(history, "pe-state-success")).isEmpty();
        assertThat(rowsMarked(history, "pe-current")).isEmpty();
        Await.until(WAIT, () -> staleRowsOnShow(history).isEmpty(), "every history row on show shows its entry after moving back");
        assertThat(fx(() -> history.getSelectionModel().getSelectedItem().version())).as("V3 picked above stays picked").isEqualTo("3");
        assertThat(fx(() -> history.getSelectionModel().getSelectedItem()))
                .as("the selection holds the list's entry, not the one it replaced")
                .isSameAs(fx(() -> history.getItems().get(history.getSelectionModel().getSelectedIndex())));
    }

    /**
     * Rows on show (visible, inside the list) whose item or cells' text is not their entry's: the
     * history replaces entries that changed in place without a list change and gives their rows the
     * new entry itself (HistoryRows).
     */
    private List<String> staleRowsOnShow(TableView<HistoryEntry> history) {
        return fx(() -> from(history).lookup(".table-row-cell").queryAll().stream()
                .<javafx.scene.control.TableRow<?>>map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.isVisible() && r.getIndex() >= 0 && r.getIndex() < history.getItems().size())
                .filter(r -> r.getItem() != history.getItems().get(r.getIndex())
                        || from(r).lookup(".table-cell").queryAll().stream()
                                .map(c -> (javafx.scene.control.TableCell<?, ?>) c)
                                .filter(c -> c.isVisible() && c.getTableColumn() == columnNamed(history, "State"))
                                .anyMatch(c -> !history.getItems().get(r.getIndex()).state().equals(c.getText())))
                .map(r -> r.getIndex() + ":" + r.getItem()).toList());
    }

    /** The versions of the history rows on show whose state is {@code state}. */
    private List<String> rowsShown(TableView<HistoryEntry> history, String state) {
        return rowsOnShow(history, (row, entry) -> entry.state().equals(state));
    }

    /** The versions of the history rows on show with that pseudo-class (state and current marks, migrations.css). */
    private List<String> rowsMarked(TableView<HistoryEntry> history, String pseudoClass) {
        javafx.css.PseudoClass mark = javafx.css.PseudoClass.getPseudoClass(pseudoClass);
        return rowsOnShow(history, (row, entry) -> row.getPseudoClassStates().contains(mark));
    }

    private List<String> rowsOnShow(TableView<HistoryEntry> history,
            java.util.function.BiPredicate<javafx.scene.control.TableRow<?>, HistoryEntry> which) {
        return fx(() -> from(history).lookup(".table-row-cell").queryAll().stream()
                .<javafx.scene.control.TableRow<?>>map(n -> (javafx.scene.control.TableRow<?>) n)
                // Only rows on show: the flow keeps spare rows (hidden, with an old item and its marks) in the scene too.
                .filter(r -> r.isVisible() && r.getIndex() >= 0 && r.getIndex() < history.getItems().size()
                        && r.getItem() == history.getItems().get(r.getIndex()))
                .filter(r -> r.getItem() instanceof HistoryEntry e && e.version() != null && which.test(r, e))
                .map(r -> ((HistoryEntry) r.getItem()).version()).sorted().toList());
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
            // The Folder tab's list is filled while that tab shows (a hidden list is FX-thread work
            // nobody sees): empty before, every file once the tab is selected, as the cells show them.
            ListView<FolderEntry> files = lookup("#migrationFolder").queryListView();
            assertThat(fx(() -> files.getItems().size())).isZero();
            interact(() -> {
                TabPane detail = lookup("#migrationDetail").queryAs(TabPane.class);
                detail.getSelectionModel().select(detail.getTabs().stream()
                        .filter(t -> "migrationFolderTab".equals(t.getId())).findFirst().orElseThrow());
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> files.getItems().stream().map(FolderEntry::file).toList()))
                    .containsExactly("README.md", "R__order_count.sql", "V1__create_shop.sql", "V2__orders.sql", "v3-discounts.sql");
            assertThat(fx(() -> files.getItems().stream().filter(f -> !f.runs()).map(FolderEntry::file).toList()))
                    .containsExactlyInAnyOrder("README.md", "v3-discounts.sql");
            List<String> shown = fx(() -> from(files).lookup(".list-cell").queryAll().stream()
                    .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null && !t.isEmpty()).sorted().toList());
            assertThat(shown).hasSize(5).anyMatch(t -> t.startsWith("✗ README.md — "))
                    .anyMatch(t -> t.startsWith("✓ V1__create_shop.sql — "));
            assertThat(fx(() -> from(files).lookup(".list-cell").queryAll().stream()
                    .filter(n -> ((javafx.scene.control.ListCell<?>) n).getText() != null
                            && ((javafx.scene.control.ListCell<?>) n).getText().startsWith("✗ "))
                    .allMatch(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("pe-file-refused")))))
                    .as("refused files are marked").isTrue();

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

    /**
     * Checksum, installed by and time start hidden but sit in the table's column menu (the tooltip
     * says where); a script edited after it ran shows the checksum column with both checksums. Rows
     * below the last version that never showed one carry no cells; the rows with a version carry one per shown column.
     */
    @Test
    void hiddenColumnsAreInTheMenuAndADriftedFileShowsTheChecksums() throws Exception {
        awaitCurrent("of 4 versions");
        TableView<HistoryEntry> history = lookup("#migrationHistory").queryTableView();
        assertThat(history.isTableMenuButtonVisible()).isTrue();
        assertThat(fx(() -> history.getColumns().stream().map(c -> c.getText() + (c.isVisible() ? "" : " (hidden)")).toList()))
                .containsExactly("Current version", "Version", "Description", "Type", "Script", "Checksum (hidden)", "Installed on",
                        "Installed by (hidden)", "Time (ms) (hidden)", "State");
        // the hint is on the menu's button, not over the rows
        assertThat(history.getTooltip()).isNull();
        javafx.scene.Node menuButton = fx(() -> history.lookup(".show-hide-columns-button"));
        assertThat(fx(() -> ((javafx.scene.control.Tooltip) menuButton.getProperties().get("javafx.scene.control.Tooltip")).getText()))
                .contains("checksum", "installed by", "time");
        // the marker column is named in the column menu, its narrow header shows no text
        javafx.scene.control.Label markerHeader = fx(() -> (javafx.scene.control.Label) history.lookup("#migrationCurrentColumn .label"));
        assertThat(fx(markerHeader::getContentDisplay)).isEqualTo(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        Path folder = Files.createTempDirectory("drifting-scripts");
        try {
            Files.writeString(folder.resolve("V1__first.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
            interact(() -> model.openFolder(folder));
            awaitCurrent(folder.getFileName().toString());
            Slider slider = lookup("#migrationTimeline").queryAs(Slider.class);
            interact(() -> slider.setValue(slider.getMax()));
            clickOn("#migrationMove");
            awaitCurrent("version 1 of 1");
            assertThat(fx(() -> columnNamed(history, "Checksum").isVisible())).as("no drift yet").isFalse();
            List<Integer> cellsPerRow = fx(() -> from(history).lookup(".table-row-cell").queryAll().stream()
                    .map(n -> (javafx.scene.control.TableRow<?>) n).filter(javafx.scene.Node::isVisible)
                    .map(r -> (r.isEmpty() ? -1 : 1) * (int) r.getChildrenUnmodifiable().stream()
                            .filter(c -> c instanceof javafx.scene.control.TableCell<?, ?>).count()).toList());
            assertThat(cellsPerRow).as("cells of rows with a version (positive) and empty rows (negative)").contains(7)
                    // rows without cells show only when the shared stage is tall enough; an empty row that showed a version before (the blog's longer history) keeps its cells
                    .allMatch(n -> n == 7 || n == 0 || n == -7);

            Files.writeString(folder.resolve("V1__first.sql"), "CREATE TABLE a (id int PRIMARY KEY); -- edited");
            interact(() -> model.openFolder(folder));
            Await.until(WAIT, () -> fx(() -> columnNamed(history, "Checksum").isVisible()), "the checksum column shows the drift");
            WaitForAsyncUtils.waitForFxEvents();
            Await.until(WAIT, () -> fx(() -> from(history).lookup(".table-cell").queryAll().stream()
                    .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText())
                    .anyMatch(t -> t != null && t.contains(" ≠ file "))), "a cell shows both checksums");
        } finally {
            TestEngines.deleteFolder(folder);
        }
    }

    private static javafx.scene.control.TableColumn<HistoryEntry, ?> columnNamed(TableView<HistoryEntry> history, String text) {
        return history.getColumns().stream().filter(c -> c.getText().equals(text)).findFirst().orElseThrow();
    }

    private void saveQuietly(String name) {
        try {
            Snapshots.save(scene, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
