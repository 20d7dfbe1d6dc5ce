package org.persistenceexplorer.service.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.migration.HistoryEntry;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * A folder of one's own Flyway scripts: migrated into a scratch schema named after it, every file
 * listed with what happens to it, and each kind of trouble (a failure halfway, a script outside a
 * transaction, an edited script, an out-of-order script, a duplicate version, an undo that does
 * not undo) reported in plain words with the database left usable.
 */
class FolderTracksTest {

    private ScratchTracks scratch;
    private Path folder;

    @BeforeEach
    void setUp() throws IOException {
        scratch = new ScratchTracks();
        folder = Files.createTempDirectory("pe-scripts-");
    }

    @AfterEach
    void tearDown() throws Exception {
        scratch.close();
        TestEngines.deleteFolder(folder);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }

    private String open() throws IOException {
        return scratch.tracks.addFolder(folder);
    }

    @Test
    void everyFileIsListedWithWhatHappensToIt() throws Exception {
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        write("U1__first.sql", "DROP TABLE a;");
        write("V2__second.sql", "ALTER TABLE a ADD COLUMN b text;");
        write("R__view.sql", "CREATE OR REPLACE VIEW a_view AS SELECT id FROM a;");
        write("v3_lowercase.sql", "SELECT 1;");
        write("README.md", "# notes");
        write("V2__second.sql.conf", "executeInTransaction=true");
        String name = open();
        TrackTimeline timeline = scratch.tracks.open(name, Progress.NONE);
        assertThat(timeline.schema()).isEqualTo(scratch.prefix + "folder_" + folder.getFileName().toString().replaceAll("[^a-z0-9]+", "_"));
        assertThat(timeline.folder()).extracting(FolderEntry::file, FolderEntry::runs).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("README.md", false),
                org.assertj.core.groups.Tuple.tuple("R__view.sql", true),
                org.assertj.core.groups.Tuple.tuple("U1__first.sql", false),
                org.assertj.core.groups.Tuple.tuple("V1__first.sql", true),
                org.assertj.core.groups.Tuple.tuple("V2__second.sql", true),
                org.assertj.core.groups.Tuple.tuple("V2__second.sql.conf", false),
                org.assertj.core.groups.Tuple.tuple("v3_lowercase.sql", false));
        assertThat(timeline.folder()).filteredOn(f -> f.file().equals("v3_lowercase.sql")).first()
                .extracting(FolderEntry::what).asString().contains("Flyway ignores");
        assertThat(timeline.folder()).filteredOn(f -> f.file().equals("U1__first.sql")).first()
                .extracting(FolderEntry::what).asString().contains("the app runs it to go back");

        TrackTimeline migrated = scratch.tracks.moveTo(name, "2", Progress.NONE);
        assertThat(migrated.history()).extracting(HistoryEntry::script, HistoryEntry::state).contains(
                org.assertj.core.groups.Tuple.tuple("V1__first.sql", "Success"),
                org.assertj.core.groups.Tuple.tuple("V2__second.sql", "Success"));
        assertThat(migrated.steps().get(0).undoable()).isTrue();
        assertThat(migrated.steps().get(1).undoable()).isFalse();
        assertThatThrownBy(() -> scratch.tracks.moveTo(name, "1", Progress.NONE)).isInstanceOf(RebuildNeeded.class)
                .hasMessageContaining("V2__second.sql");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = folder.resolve("nope");
        assertThatThrownBy(() -> scratch.tracks.addFolder(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aScriptFailingHalfwayLeavesTheSchemaAsItWasAndIsReportedWithItsLine() throws Exception {
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        write("V2__broken.sql", "CREATE TABLE b (id int);\n\nINSERT INTO missing_table VALUES (1);\n");
        String name = open();
        TrackTimeline opened = scratch.tracks.open(name, Progress.NONE);
        assertThat(opened.step("2").orElseThrow().after()).as("a fresh migrate cannot reach version 2").isNull();
        assertThat(opened.problems()).anyMatch(p -> p.contains("V2__broken.sql failed"));
        assertThatThrownBy(() -> scratch.tracks.moveTo(name, "2", Progress.NONE))
                .isInstanceOfSatisfying(MigrationFailed.class, f -> {
                    assertThat(f.script()).isEqualTo("V2__broken.sql");
                    assertThat(f.line()).isEqualTo(3);
                    assertThat(f.sqlState()).isEqualTo("42P01");
                    assertThat(f.halfApplied()).isFalse();
                    assertThat(f.getMessage()).contains("missing_table").contains("rolled the script back");
                });
        TrackTimeline after = scratch.tracks.open(name, Progress.NONE);
        assertThat(after.currentVersion()).isEqualTo("1");
        assertThat(after.live().table("b")).as("transactional DDL: table b is gone with the failure").isEmpty();
        assertThat(after.problems()).anyMatch(p -> p.contains("V2__broken.sql failed at line 3"));
        assertThat(after.history()).filteredOn(e -> "2".equals(e.version())).extracting(HistoryEntry::state)
                .as("PostgreSQL rolled Flyway's failed row back").containsExactly("Pending");
    }

    @Test
    void aScriptOutsideATransactionLeavesWhatRanBeforeTheError() throws Exception {
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        write("V2__no_tx.sql", "CREATE TABLE b (id int);\nINSERT INTO missing_table VALUES (1);\n");
        write("V2__no_tx.sql.conf", "executeInTransaction=false\n");
        String name = open();
        assertThatThrownBy(() -> scratch.tracks.moveTo(name, "2", Progress.NONE))
                .isInstanceOfSatisfying(MigrationFailed.class, f -> {
                    assertThat(f.halfApplied()).isTrue();
                    assertThat(f.getMessage()).contains("outside a transaction");
                });
        TrackTimeline after = scratch.tracks.open(name, Progress.NONE);
        assertThat(after.live().table("b")).as("the statement before the error stays").isPresent();
        assertThat(after.live().table("a")).isPresent();
    }

    @Test
    void anEditedScriptShowsBothChecksumsAndRepairAcceptsTheFile() throws Exception {
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        String name = open();
        scratch.tracks.moveTo(name, "1", Progress.NONE);
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY); -- edited");
        TrackTimeline drifted = scratch.tracks.open(name, Progress.NONE);
        HistoryEntry entry = versionOne(drifted);
        assertThat(entry.checksumDrift()).isTrue();
        assertThat(drifted.problems()).anyMatch(p -> p.contains("edited after it ran") && p.contains(String.valueOf(entry.checksum()))
                && p.contains(String.valueOf(entry.fileChecksum())) && p.contains("restore the file") && p.contains("repair"));
        TrackTimeline repaired = scratch.tracks.repair(name, Progress.NONE);
        assertThat(versionOne(repaired).checksumDrift()).isFalse();
        assertThat(repaired.problems()).isEmpty();
        assertThat(repaired.live().table("a")).as("repair keeps the schema").isPresent();
    }

    private static HistoryEntry versionOne(TrackTimeline timeline) {
        return timeline.history().stream().filter(e -> "1".equals(e.version())).findFirst().orElseThrow();
    }

    @Test
    void aBaselineScriptRunsInsteadOfTheVersionsItCoversOnAnEmptySchema() throws Exception {
        write("V1__create_a.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        write("V2__add_b.sql", "ALTER TABLE a ADD COLUMN b text;");
        write("B2__baseline.sql", "CREATE TABLE a (id int PRIMARY KEY, b text);");
        write("V3__create_c.sql", "CREATE TABLE c (id int);");
        String name = open();
        TrackTimeline timeline = scratch.tracks.open(name, Progress.NONE);
        assertThat(timeline.folder()).filteredOn(e -> e.file().equals("B2__baseline.sql"))
                .singleElement().satisfies(e -> {
                    assertThat(e.runs()).isTrue();
                    assertThat(e.what()).contains("baseline script 2").contains("below baseline");
                });
        assertThat(timeline.problems()).isEmpty();
        TrackTimeline moved = scratch.tracks.moveTo(name, "3", Progress.NONE);
        assertThat(moved.currentVersion()).isEqualTo("3");
        assertThat(moved.live().table("a").orElseThrow().column("b")).isPresent();
        assertThat(moved.live().table("c")).isPresent();
        assertThat(moved.history()).filteredOn(e -> e.version() != null && !e.version().isEmpty())
                .extracting(HistoryEntry::script, HistoryEntry::state).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("V1__create_a.sql", "Below Baseline"),
                        // Flyway's words: the baseline's own version is "Ignored (Baseline)", its row "Baseline".
                        org.assertj.core.groups.Tuple.tuple("V2__add_b.sql", "Ignored (Baseline)"),
                        org.assertj.core.groups.Tuple.tuple("B2__baseline.sql", "Baseline"),
                        org.assertj.core.groups.Tuple.tuple("V3__create_c.sql", "Success"));
        // Only the baseline and V3 ran: V1's and V2's statements never reached the schema's history.
        assertThat(ScratchTracks.query("SELECT string_agg(script, ',' ORDER BY installed_rank) FROM \""
                + moved.schema() + "\".flyway_schema_history WHERE version IS NOT NULL"))
                .isEqualTo("B2__baseline.sql,V3__create_c.sql");
        assertThat(moved.problems()).as("a covered version is not out of order").isEmpty();
    }

    @Test
    void aNewScriptBelowTheCurrentVersionIsOutOfOrderAndCanBeApplied() throws Exception {
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        write("V3__third.sql", "CREATE TABLE c (id int);");
        String name = open();
        scratch.tracks.moveTo(name, "3", Progress.NONE);
        write("V2__second.sql", "CREATE TABLE b (id int);");
        TrackTimeline late = scratch.tracks.open(name, Progress.NONE);
        assertThat(late.problems()).anyMatch(p -> p.contains("V2__second.sql") && p.contains("out of order"));
        TrackTimeline applied = scratch.tracks.applyOutOfOrder(name, Progress.NONE);
        assertThat(applied.live().table("b")).isPresent();
        assertThat(applied.history()).filteredOn(e -> "2".equals(e.version())).extracting(HistoryEntry::state)
                .containsExactly("Out of Order");
        assertThat(applied.problems()).noneMatch(p -> p.contains("out of order"));
    }

    @Test
    void twoScriptsWithOneVersionAreRefusedByName() throws Exception {
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        write("V1__also_first.sql", "CREATE TABLE b (id int PRIMARY KEY);");
        TrackTimeline timeline = scratch.tracks.open(open(), Progress.NONE);
        assertThat(timeline.problems()).anyMatch(p -> p.contains("Two scripts have version 1")
                && p.contains("V1__first.sql") && p.contains("V1__also_first.sql"));
    }

    @Test
    void anUndoScriptThatDoesNotRestoreThePreviousSchemaIsRolledBack() throws Exception {
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        write("V2__second.sql", "ALTER TABLE a ADD COLUMN b text;\nCREATE INDEX a_b_idx ON a (b);");
        write("U2__second.sql", "DROP INDEX a_b_idx;");
        String name = open();
        scratch.tracks.moveTo(name, "2", Progress.NONE);
        assertThatThrownBy(() -> scratch.tracks.moveTo(name, "1", Progress.NONE))
                .isInstanceOf(MigrationFailed.class)
                .hasMessageContaining("did not restore version 1")
                .hasMessageContaining("column a.b");
        TrackTimeline after = scratch.tracks.open(name, Progress.NONE);
        assertThat(after.currentVersion()).as("history untouched").isEqualTo("2");
        assertThat(after.live().table("a").orElseThrow().indexes()).as("the index drop was rolled back").hasSize(1);
    }

    @Test
    void aFailingUndoScriptChangesNothing() throws Exception {
        write("V1__first.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        write("U1__first.sql", "DROP TABLE a;");
        write("V2__second.sql", "CREATE TABLE b (id int);");
        write("U2__second.sql", "DROP TABLE b;\nDROP TABLE not_there;");
        String name = open();
        scratch.tracks.moveTo(name, "2", Progress.NONE);
        assertThatThrownBy(() -> scratch.tracks.moveTo(name, TrackTimeline.EMPTY, Progress.NONE))
                .isInstanceOf(MigrationFailed.class)
                .hasMessageContaining("U2__second.sql failed")
                .hasMessageContaining("not_there")
                .hasMessageContaining("stay at version 2");
        TrackTimeline after = scratch.tracks.open(name, Progress.NONE);
        assertThat(after.live().table("b")).isPresent();
        assertThat(after.currentVersion()).isEqualTo("2");
    }
}
