package org.persistenceexplorer.service.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Every bundled track goes up to each version and back down with its undo scripts (or a rebuild
 * where it has none), and at every version the live schema equals what a fresh migrate to that
 * version gives (the scratch copy the timeline was built from): this checks every undo script.
 */
class TimeTravelTest {

    @ParameterizedTest
    @ValueSource(strings = {"blog", "library", "movies"})
    void everyVersionReachedEitherWayEqualsAFreshMigrate(String name) throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            MigrationTracks tracks = scratch.tracks;
            TrackTimeline timeline = tracks.open(name, Progress.NONE);
            assertThat(timeline.steps()).allMatch(VersionStep::undoable).allMatch(s -> s.after() != null);
            assertThat(timeline.currentVersion()).isEqualTo(TrackTimeline.EMPTY);
            List<String> versions = timeline.versions();
            for (String version : versions.subList(1, versions.size())) {
                timeline = tracks.moveTo(name, version, Progress.NONE);
                assertSameSchema(timeline, version);
            }
            List<String> down = new ArrayList<>(versions.subList(0, versions.size() - 1));
            java.util.Collections.reverse(down);
            for (String version : down) {
                timeline = tracks.moveTo(name, version, Progress.NONE);
                assertSameSchema(timeline, version);
            }
            // A jump over every version at once, both ways.
            String last = versions.get(versions.size() - 1);
            assertSameSchema(tracks.moveTo(name, last, Progress.NONE), last);
            timeline = tracks.moveTo(name, TrackTimeline.EMPTY, Progress.NONE);
            assertSameSchema(timeline, TrackTimeline.EMPTY);
            assertThat(timeline.history()).noneMatch(e -> e.applied() && e.version() != null);
        }
    }

    private static void assertSameSchema(TrackTimeline timeline, String version) {
        assertThat(timeline.currentVersion()).isEqualTo(version);
        SchemaSnapshot fresh = timeline.snapshotAt(version);
        assertThat(timeline.live().ignoringColumnOrder()).as("%s at version %s", timeline.name(), version)
                .isEqualTo(fresh.ignoringColumnOrder());
    }

    @Test
    void theBlogsTagsSurviveTheDataMigrationBothWays() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            String schema = scratch.tracks.schemaOf("blog");
            scratch.tracks.moveTo("blog", "3", Progress.NONE);
            assertThat(ScratchTracks.query("SELECT string_agg(t.name, ',' ORDER BY t.name) FROM " + schema + ".post_tag pt JOIN "
                    + schema + ".tag t ON t.id = pt.tag_id WHERE pt.post_id = 3")).isEqualTo("design,migrations");
            assertThat(ScratchTracks.query("SELECT count(*) FROM " + schema + ".tag")).isEqualTo("5");
            scratch.tracks.moveTo("blog", "2", Progress.NONE);
            assertThat(ScratchTracks.query("SELECT tags FROM " + schema + ".post WHERE id = 2")).isEqualTo("flyway,sql,tools");
            assertThat(ScratchTracks.query("SELECT tags FROM " + schema + ".post WHERE id = 4")).isNull();
        }
    }

    @Test
    void goingBackRunsTheUndoScriptsInOneTransactionUnderTheActionLabel() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            scratch.tracks.moveTo("movies", "4", Progress.NONE);
            try (RecordedStatements recorded = RecordedStatements.listen(TestEngines.sql().recorder(), "migrations: move movies to 2");
                 WorkContext.Scope ignored = WorkContext.enter(recorded.action())) {
                TrackTimeline back = scratch.tracks.moveTo("movies", "2", Progress.NONE);
                assertThat(back.currentVersion()).isEqualTo("2");
                List<String> texts = recorded.all().stream().map(s -> s.text()).toList();
                int undo4 = indexOf(texts, "ALTER TABLE movie DROP COLUMN runtime_minutes");
                int undo3 = indexOf(texts, "DROP TABLE movie_cast");
                int begin = texts.subList(0, undo4).lastIndexOf("BEGIN");
                int commit = undo3 + texts.subList(undo3, texts.size()).indexOf("COMMIT");
                assertThat(begin).as("one transaction around both undo scripts").isNotNegative();
                assertThat(commit).isGreaterThan(undo3);
                assertThat(undo4).as("newest first").isLessThan(undo3);
                assertThat(undo3).isLessThan(commit);
                assertThat(texts.subList(begin + 1, commit)).as("no other transaction in between").doesNotContain("COMMIT", "BEGIN");
                assertThat(texts.stream().filter(t -> t.contains("DELETE FROM") && t.contains("flyway_schema_history"))).hasSize(2);
            }
        }
    }

    private static int indexOf(List<String> texts, String part) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no statement contains " + part + " in " + texts);
    }

    @Test
    void hrHasNoUndoScriptsSoGoingBackAsksForARebuildThatMatchesAFreshMigrate() throws Exception {
        try (ScratchTracks scratch = new ScratchTracks()) {
            TrackTimeline top = scratch.tracks.moveTo("hr", "2", Progress.NONE);
            assertThat(top.hasEntities()).isTrue();
            assertThatThrownBy(() -> scratch.tracks.moveTo("hr", "1", Progress.NONE))
                    .isInstanceOf(RebuildNeeded.class)
                    .hasMessageContaining("drop the schema " + scratch.prefix + "hr")
                    .hasMessageContaining("V2__hr_sample_data.sql");
            TrackTimeline rebuilt = scratch.tracks.rebuildTo("hr", "1", Progress.NONE);
            assertSameSchema(rebuilt, "1");
            assertThat(ScratchTracks.query("SELECT count(*) FROM " + scratch.prefix + "hr.employee")).isEqualTo("0");
            assertThat(ScratchTracks.query("SELECT count(*) FROM hr.employee")).as("the shared hr is untouched").isEqualTo("300");
        }
    }
}
