package org.persistenceexplorer.service.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Autogenerate and "model vs schema" on the real server, always in a copy of the hr track in
 * schemas of a test prefix (the shared hr schema and its 300 employees are never touched):
 * Hibernate's update script for model v2, the rename guess keeping the data, the review-edit-save-
 * apply round trip leaving the schema valid for the model, a failing script not kept.
 */
class AutogenerateTest {

    @TempDir
    Path drafts;

    private MigrationTracks tracks(ScratchTracks scratch) {
        return new MigrationTracks(ScratchTracks::dataSource, scratch.prefix, drafts, TrackModels.BUNDLED);
    }

    @Test
    void theAppsModelMatchesTheShippedHrSchemaAndNothingIsGenerated() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            MigrationTracks tracks = tracks(scratch);
            tracks.migrate("hr", null);
            ModelCheck check = tracks.checkModel("hr", false);
            assertThat(check.differences()).isEmpty();
            assertThat(check.matches()).isTrue();
            assertThat(check.verdict()).startsWith("The model matches schema " + scratch.prefix + "hr");
            GeneratedMigration generated = tracks.generate("hr", false, Progress.NONE);
            assertThat(generated.statements()).isEmpty();
            assertThat(generated.script()).contains("Nothing to do");
            assertThat(tracks.open("hr", Progress.NONE).hasEntities()).isTrue();
            assertThat(tracks.open("blog", Progress.NONE).hasEntities()).isFalse();
        }
    }

    @Test
    void theShopModelOfTheTransactionsLabMatchesTheShopTrack() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            MigrationTracks tracks = tracks(scratch);
            tracks.migrate("shop", null);
            ModelCheck check = tracks.checkModel("shop", false);
            assertThat(check.differences()).as(check.verdict()).isEmpty();
            assertThat(check.matches()).isTrue();
            assertThat(tracks.generate("shop", false, Progress.NONE).statements()).isEmpty();
        }
    }

    @Test
    void modelV2NamesTheMissingColumnsAndTheGeneratedSqlAddsThem() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            MigrationTracks tracks = tracks(scratch);
            String copy = TrackModels.copyOf("hr");
            tracks.migrate(copy, null);
            ModelCheck check = tracks.checkModel(copy, true);
            assertThat(check.matches()).isFalse();
            assertThat(check.differences()).anyMatch(d -> d.contains("employee.phone") && d.contains("not in the schema"))
                    .anyMatch(d -> d.contains("employee.job_title"));
            assertThat(check.notes()).anyMatch(n -> n.contains("employee.title") && n.contains("does not map it")
                    && n.contains("inserting through the model fails"));
            assertThat(check.renames()).containsExactly(
                    new RenameGuess("employee", "title", "job_title", "character varying(100)"));

            GeneratedMigration generated = tracks.generate(copy, true, Progress.NONE);
            assertThat(generated.fileName()).isEqualTo("V5__model_changes.sql");
            assertThat(generated.script()).containsIgnoringCase("add column phone varchar(30)")
                    .containsIgnoringCase("add column job_title varchar(100) not null")
                    .doesNotContainPattern("(?i)" + scratch.prefix) // track scripts never name their schema
                    .doesNotContainPattern("UK[0-9a-z]{10,}");
            assertThat(GeneratedMigration.withRename(generated.script(), check.renames().get(0)))
                    .contains("ALTER TABLE employee RENAME COLUMN title TO job_title;")
                    .doesNotContainPattern("(?i)add column job_title")
                    .containsIgnoringCase("add column phone");
        }
    }

    @Test
    void reviewEditSaveApplyWithTheRenameKeepsTheDataAndLeavesTheSchemaValidForTheModel() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            MigrationTracks tracks = tracks(scratch);
            String copy = TrackModels.copyOf("hr");
            Renamed renamed = Renamed.proposed(tracks, copy);
            String schema = renamed.schema();
            String titles = renamed.titles();
            String edited = renamed.script() + "\n-- reviewed: phones come later\n";
            TrackTimeline after;
            try (RecordedStatements recorded = RecordedStatements.listen(TestEngines.sql().recorder(), "migrations: save hr-copy test");
                 WorkContext.Scope ignored = WorkContext.enter(recorded.action())) {
                after = tracks.saveAndApply(copy, "V5__phone_and_job_title.sql", edited, Progress.NONE);
                assertThat(recorded.all()).as("applied through Flyway on the captured pool")
                        .anyMatch(s -> s.text().contains("RENAME COLUMN title TO job_title"));
            }
            assertThat(after.currentVersion()).isEqualTo("5");
            assertThat(after.step("5")).get().extracting(VersionStep::script).isEqualTo("V5__phone_and_job_title.sql");
            assertThat(Files.readString(drafts.resolve(copy).resolve("V5__phone_and_job_title.sql"))).contains("reviewed");
            assertThat(ScratchTracks.query("SELECT string_agg(job_title, ',' ORDER BY id) FROM " + schema + ".employee"))
                    .as("the rename kept every title").isEqualTo(titles);
            assertThat(ScratchTracks.query("SELECT count(*) FROM " + schema + ".employee")).isEqualTo("300");
            ModelCheck check = tracks.checkModel(copy, true);
            assertThat(check.differences()).isEmpty();
            assertThat(check.matches()).isTrue();
            assertThat(tracks.generate(copy, true, Progress.NONE).statements()).isEmpty();
            // The shipped hr track and its schema are untouched.
            assertThat(tracks.open("hr", Progress.NONE).steps()).hasSize(4);
            assertThat(ScratchTracks.query("SELECT count(*) FROM hr.employee WHERE title IS NOT NULL")).isEqualTo("300");

            TrackTimeline reset = tracks.resetCopy(copy, Progress.NONE);
            assertThat(reset.currentVersion()).isEqualTo("4");
            assertThat(reset.steps()).hasSize(4);
            assertThat(tracks.checkModel(copy, false).matches()).isTrue();
        }
    }

    @Test
    void aSavedGeneratedMigrationGetsItsUndoAndGoingBackRunsItKeepingTheData() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            MigrationTracks tracks = tracks(scratch);
            String copy = TrackModels.copyOf("hr");
            Renamed renamed = Renamed.proposed(tracks, copy);
            tracks.saveAndApply(copy, "V5__phone_and_job_title.sql", renamed.script(), Progress.NONE);

            String undo = Files.readString(drafts.resolve(copy).resolve("U5__phone_and_job_title.sql"));
            assertThat(undo).contains("RENAME COLUMN job_title TO title").containsIgnoringCase("DROP COLUMN phone");
            assertThat(tracks.open(copy, Progress.NONE).step("5")).get().extracting(VersionStep::undoable).isEqualTo(true);

            // Back to 4 by the undo, not a rebuild; the app checks the result against a fresh migrate to 4.
            TrackTimeline back = tracks.moveTo(copy, "4", Progress.NONE);
            assertThat(back.currentVersion()).isEqualTo("4");
            assertThat(ScratchTracks.query("SELECT string_agg(title, ',' ORDER BY id) FROM " + renamed.schema() + ".employee"))
                    .as("the titles came back with the column's old name").isEqualTo(renamed.titles());
            assertThat(tracks.checkModel(copy, false).matches()).isTrue();
            tracks.resetCopy(copy, Progress.NONE);
        }
    }

    @Test
    void hibernatesScriptAsIsFailsOnTheFilledTableAndIsNotKept() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            MigrationTracks tracks = tracks(scratch);
            String copy = TrackModels.copyOf("hr");
            tracks.migrate(copy, null);
            GeneratedMigration generated = tracks.generate(copy, true, Progress.NONE);
            assertThatThrownBy(() -> tracks.saveAndApply(copy, generated.fileName(), generated.script(), Progress.NONE))
                    .isInstanceOf(MigrationFailed.class)
                    .hasMessageContaining("job_title")
                    .hasMessageContaining("not kept");
            assertThat(Files.exists(drafts.resolve(copy).resolve(generated.fileName()))).isFalse();
            TrackTimeline now = tracks.open(copy, Progress.NONE);
            assertThat(now.currentVersion()).isEqualTo("4");
            assertThat(now.problems()).isEmpty();
            assertThat(now.live().table("employee").orElseThrow().column("phone")).as("rolled back").isEmpty();
        }
    }

    @Test
    void badSavesAreRefusedInPlainWords() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            MigrationTracks tracks = tracks(scratch);
            String copy = TrackModels.copyOf("hr");
            assertThatThrownBy(() -> tracks.saveAndApply("hr", "V5__x.sql", "SELECT 1;", Progress.NONE))
                    .hasMessageContaining("shared with the other tabs").hasMessageContaining(copy);
            assertThatThrownBy(() -> tracks.saveAndApply(copy, "phone.sql", "SELECT 1;", Progress.NONE))
                    .hasMessageContaining("not a versioned migration's name");
            assertThatThrownBy(() -> tracks.saveAndApply(copy, "V4__again.sql", "SELECT 1;", Progress.NONE))
                    .hasMessageContaining("already has version 4");
            assertThatThrownBy(() -> tracks.saveAndApply(copy, "V5__empty.sql", "-- nothing\n", Progress.NONE))
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> tracks.checkModel("blog", false)).hasMessageContaining("no Hibernate model");
            assertThat(tracks.trackNames()).contains("hr", copy);
            assertThat(List.of(Files.exists(drafts.resolve(copy)))).containsExactly(false);
        }
    }

    /** The copy migrated, its titles read, and model v2's script with the rename taken, not yet saved. */
    private record Renamed(String schema, String titles, String script) {
        static Renamed proposed(MigrationTracks tracks, String copy) throws Exception {
            tracks.migrate(copy, null);
            String schema = tracks.schemaOf(copy);
            String titles = ScratchTracks.query("SELECT string_agg(title, ',' ORDER BY id) FROM " + schema + ".employee");
            GeneratedMigration generated = tracks.generate(copy, true, Progress.NONE);
            return new Renamed(schema, titles, GeneratedMigration.withRename(generated.script(), generated.check().renames().get(0)));
        }
    }
}
