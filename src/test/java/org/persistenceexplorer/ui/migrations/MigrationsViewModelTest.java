package org.persistenceexplorer.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.migration.HistoryEntry;
import org.persistenceexplorer.service.migrations.DiagramLayout;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.service.migrations.SchemaChange;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/**
 * The tab's flows with the real service on the shared test server (tracks in schemas of their
 * own): open blog, slide to the last version and back, read a step's SQL, diff and diagram,
 * compare two versions, the rebuild question for hr, cancel.
 */
class MigrationsViewModelTest {

    private final TestSchemas schemas = new TestSchemas();
    private final MigrationTracks tracks = new MigrationTracks(() -> TestEngines.sql().database().dataSource(), schemas.prefix());

    @AfterEach
    void dropSchemas() throws Exception {
        schemas.close();
    }

    @Test
    void slidingThroughTheBlogShowsEachStepAndMovesTheSchemaBothWays() {
        MigrationsViewModel model = new MigrationsViewModel(tracks, new InlineBackgroundRunner());
        assertThat(model.tracks()).containsExactly("blog", "library", "movies", "hr", "shop", "hr-copy", "shop-copy");
        model.start();
        assertThat(model.versions()).containsExactly("0", "1", "2", "3", "4");
        assertThat(model.currentLineProperty().get()).contains("blog").contains("empty schema");
        assertThat(model.selectedVersionProperty().get()).isEqualTo("1");
        assertThat(model.sqlProperty().get()).contains("CREATE TABLE author");
        assertThat(model.changes()).extracting(SchemaChange::describe).contains("table author added: 3 columns");
        assertThat(model.diagramProperty().get().boxes()).extracting(DiagramLayout.Box::table)
                .containsExactlyInAnyOrder("author", "post", "comment");

        List<String> actions = new CopyOnWriteArrayList<>();
        StatementListener listener = s -> actions.add(s.action());
        TestEngines.sql().recorder().addListener(listener);
        try {
            model.targetProperty().set("4");
            model.moveToTarget();
        } finally {
            TestEngines.sql().recorder().removeListener(listener);
        }
        assertThat(actions).contains("migrations: move blog to 4");
        assertThat(model.currentLineProperty().get()).contains("version 4 of 4");
        assertThat(model.messageProperty().get()).isEqualTo("blog is now at version 4.");
        assertThat(model.history()).filteredOn(e -> e.version() != null).allMatch(e -> e.state().equals("Success"));
        assertThat(model.history()).filteredOn(e -> e.current()).extracting(e -> e.version()).containsExactly("4");

        model.selectedVersionProperty().set("3");
        assertThat(model.sqlProperty().get()).contains("regexp_split_to_table");
        assertThat(model.undoSqlProperty().get()).contains("string_agg");
        assertThat(model.changes()).extracting(SchemaChange::describe)
                .contains("table tag added: 2 columns", "table post_tag added: 2 columns")
                .anyMatch(d -> d.startsWith("column post.tags removed"));
        DiagramLayout diagram = model.diagramProperty().get();
        assertThat(diagram.box("tag").mark()).isEqualTo(DiagramLayout.Mark.ADDED);
        assertThat(diagram.box("post").mark()).isEqualTo(DiagramLayout.Mark.CHANGED);
        assertThat(diagram.box("post").lines()).filteredOn(l -> l.text().startsWith("tags "))
                .extracting(DiagramLayout.Line::mark).containsExactly(DiagramLayout.Mark.REMOVED);
        assertThat(diagram.arrows()).filteredOn(a -> a.from().equals("post_tag")).extracting(DiagramLayout.Arrow::to)
                .containsExactlyInAnyOrder("post", "tag");

        model.compareFromProperty().set("1");
        model.compareToProperty().set("4");
        assertThat(model.comparison()).extracting(SchemaChange::describe).contains("table tag added: 2 columns")
                .anyMatch(d -> d.startsWith("column post.slug added"));
        assertThat(model.compareDiagramProperty().get().box("post_tag").mark()).isEqualTo(DiagramLayout.Mark.ADDED);

        // Moving back changes the history rows of versions 2-4 and nothing the reader sees of V3:
        // only those rows are replaced; the diff, versions and diagram stay as they are.
        List<HistoryEntry> before = List.copyOf(model.history());
        List<String> historyChanges = new ArrayList<>();
        model.history().addListener((ListChangeListener<HistoryEntry>) c -> {
            while (c.next()) {
                historyChanges.add((c.wasReplaced() ? "replaced " : "other ") + c.getFrom() + "-" + c.getTo());
            }
        });
        int[] otherEvents = {0};
        model.changes().addListener((ListChangeListener<SchemaChange>) c -> otherEvents[0]++);
        model.versions().addListener((ListChangeListener<String>) c -> otherEvents[0]++);
        model.targetProperty().set("1");
        model.moveToTarget();
        assertThat(model.currentLineProperty().get()).contains("version 1 of 4");
        assertThat(model.selectedVersionProperty().get()).as("the reader's selection stays").isEqualTo("3");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.history()).hasSameSizeAs(before);
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(model.history().get(i))) {
                differing.add("replaced " + i + "-" + (i + 1));
            }
        }
        assertThat(differing).isNotEmpty();
        assertThat(historyChanges).containsExactlyElementsOf(differing);
        assertThat(otherEvents[0]).as("the diff and the versions did not change").isZero();
        assertThat(model.diagramProperty().get()).as("V3's diagram, laid out again equal, is not replaced").isSameAs(diagram);
    }

    @Test
    void goingBackOnHrAsksBeforeARebuildAndDecliningChangesNothing() {
        MigrationsViewModel model = new MigrationsViewModel(tracks, new InlineBackgroundRunner());
        model.openTrack("hr");
        model.targetProperty().set("2");
        model.moveToTarget();
        assertThat(model.currentLineProperty().get()).contains("version 2");

        model.targetProperty().set("1");
        model.moveToTarget();
        assertThat(model.rebuildQuestionProperty().get()).contains("drop the schema " + schemas.prefix() + "hr")
                .contains("Rows added or changed since the migrations ran are lost");
        model.declineRebuild();
        assertThat(model.rebuildQuestionProperty().get()).isNull();
        assertThat(model.currentLineProperty().get()).contains("version 2");

        model.targetProperty().set("1");
        model.moveToTarget();
        model.confirmRebuild();
        assertThat(model.currentLineProperty().get()).contains("version 1");
        assertThat(model.failedProperty().get()).isFalse();
    }

    @Test
    void aCancelledMoveChangesNothingAndSaysSo() {
        InlineBackgroundRunner runner = InlineBackgroundRunner.deferred();
        MigrationsViewModel model = new MigrationsViewModel(tracks, runner);
        model.openTrack("movies");
        runner.runPending();
        model.targetProperty().set("3");
        model.moveToTarget();
        assertThat(model.busyProperty().get()).isTrue();
        model.cancel();
        runner.runPending();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("Cancelled.");
        assertThat(model.currentLineProperty().get()).contains("empty schema");
    }

    @Test
    void aMissingFolderIsAPlainMessage() {
        MigrationsViewModel model = new MigrationsViewModel(tracks, new InlineBackgroundRunner());
        model.openFolder(java.nio.file.Path.of("/no/such/folder"));
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("The folder /no/such/folder does not exist or is not a folder.");
        assertThat(model.tracks()).as("the folder that failed to open added no track").hasSize(7);
    }

    /** Schemas of a unique prefix, dropped afterwards. */
    static final class TestSchemas implements AutoCloseable {
        private final String prefix;

        TestSchemas() {
            this("v" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_");
        }

        TestSchemas(String prefix) {
            this.prefix = prefix;
        }

        String prefix() {
            return prefix;
        }

        @Override
        public void close() throws Exception {
            var ds = TestEngines.sql().database().dataSource();
            List<String> names = new java.util.ArrayList<>();
            try (var c = ds.getConnection(); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            try (var c = ds.getConnection(); var s = c.createStatement()) {
                for (String n : names) {
                    s.execute("DROP SCHEMA \"" + n + "\" CASCADE");
                }
            }
        }
    }
}
