package org.persistenceexplorer.store.sql;

import java.nio.file.Path;

/**
 * One versioned migration track, applied by Flyway into its own schema with its own history
 * table: a track shipped under sample-data/migrations/NAME (on the classpath), or a folder of
 * the user's on disk.
 *
 * @param name     e.g. "hr"
 * @param schema   the PostgreSQL schema the track owns
 * @param location where Flyway finds the scripts ("classpath:..." or "filesystem:...")
 * @param drafts   a folder of the user's on disk whose scripts Flyway also runs (the migrations
 *                 autogenerate saved for a shipped track), or null; it may not exist yet
 */
public record MigrationTrack(String name, String schema, String location, Path drafts) {

    /** The HR sample: departments, employees with their management tree, projects. */
    public static final MigrationTrack HR = new MigrationTrack("hr", "hr");

    /** A track shipped on the classpath under sample-data/migrations/NAME. */
    public MigrationTrack(String name, String schema) {
        this(name, schema, "classpath:sample-data/migrations/" + name);
    }

    /** Scripts from one location only. */
    public MigrationTrack(String name, String schema, String location) {
        this(name, schema, location, null);
    }

    /** A shipped track's scripts plus a folder of drafts on disk, as track {@code name} in {@code schema}. */
    public static MigrationTrack withDrafts(String name, String shippedTrack, String schema, Path drafts) {
        return new MigrationTrack(name, schema, "classpath:sample-data/migrations/" + shippedTrack, drafts);
    }

    /** Every location Flyway scans: the track's, then the drafts folder when it exists. */
    public java.util.List<String> locations() {
        return drafts != null && java.nio.file.Files.isDirectory(drafts)
                ? java.util.List.of(location, "filesystem:" + drafts.toAbsolutePath())
                : java.util.List.of(location);
    }

    /** A folder on disk, migrated into the given schema. */
    public static MigrationTrack folder(String name, Path folder, String schema) {
        return new MigrationTrack(name, schema, "filesystem:" + folder.toAbsolutePath());
    }

    /** The same scripts applied into another schema (a scratch copy). */
    public MigrationTrack inSchema(String otherSchema) {
        return new MigrationTrack(name, otherSchema, location, drafts);
    }
}
