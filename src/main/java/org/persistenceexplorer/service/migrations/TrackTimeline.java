package org.persistenceexplorer.service.migrations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.persistenceexplorer.domain.migration.HistoryEntry;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;

/**
 * A track as the Migrations tab shows it: the versions in order, the schema after each, Flyway's
 * history, where the live schema is now, and what is wrong (drift, failures, out-of-order
 * scripts, files Flyway will not run). Immutable; a new one after every action.
 *
 * @param name           the track's name, e.g. "blog"
 * @param schema         its PostgreSQL schema
 * @param steps          the versioned migrations in version order
 * @param history        Flyway's info rows
 * @param currentVersion the live schema's version, or {@link #EMPTY} before the first migration
 * @param live           the live schema now
 * @param folder         every file of the folder and what happens to it
 * @param problems       drift, failures and out-of-order scripts, in plain words; empty when none
 * @param hasEntities    true when the track has a Hibernate model (autogenerate, validation)
 */
public record TrackTimeline(String name, String schema, List<VersionStep> steps, List<HistoryEntry> history,
                            String currentVersion, SchemaSnapshot live, List<FolderEntry> folder,
                            List<String> problems, boolean hasEntities) {

    /** The timeline's first point: the schema before any migration. */
    public static final String EMPTY = "0";

    public TrackTimeline {
        steps = List.copyOf(steps);
        history = List.copyOf(history);
        folder = List.copyOf(folder);
        problems = List.copyOf(problems);
    }

    /** Every point of the timeline: {@link #EMPTY}, then each version. */
    public List<String> versions() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(EMPTY), steps.stream().map(VersionStep::version)).toList();
    }

    public Optional<VersionStep> step(String version) {
        return steps.stream().filter(s -> s.version().equals(version)).findFirst();
    }

    /** The schema at a point of the timeline (empty before the first step), or null if unknown. */
    public SchemaSnapshot snapshotAt(String version) {
        if (EMPTY.equals(version)) {
            return SchemaSnapshot.EMPTY;
        }
        return step(version).map(VersionStep::after).orElse(null);
    }

    /** The point before a version: the previous step's version, or {@link #EMPTY}. */
    public String previous(String version) {
        List<String> all = versions();
        int i = all.indexOf(version);
        return i <= 0 ? EMPTY : all.get(i - 1);
    }

    /** What the migration to {@code version} changed; empty when unknown. */
    public SchemaDiff diffOf(String version) {
        return compare(previous(version), version);
    }

    /** What changes from one point of the timeline to another (either direction). */
    public SchemaDiff compare(String from, String to) {
        SchemaSnapshot a = snapshotAt(from);
        SchemaSnapshot b = snapshotAt(to);
        return a == null || b == null ? new SchemaDiff(List.of()) : SchemaDiff.between(a, b);
    }

    /** True when every version above {@code target} up to the current one has an undo script. */
    public boolean canUndoTo(String target) {
        return steps.stream().filter(s -> Versions.compare(s.version(), target) > 0
                        && Versions.compare(s.version(), currentVersion) <= 0)
                .allMatch(VersionStep::undoable);
    }

    public boolean isCurrent(String version) {
        return Objects.equals(currentVersion, version);
    }
}
