package org.persistenceexplorer.store.sql;

/**
 * One versioned migration track shipped under sample-data/migrations/NAME, applied by Flyway
 * into its own schema with its own history table.
 *
 * @param name   e.g. "hr"
 * @param schema the PostgreSQL schema the track owns
 */
public record MigrationTrack(String name, String schema) {

    /** The HR sample: departments, employees with their management tree, projects. */
    public static final MigrationTrack HR = new MigrationTrack("hr", "hr");

    /** Where Flyway finds the scripts: on the classpath, copied from sample-data/. */
    public String location() {
        return "classpath:sample-data/migrations/" + name;
    }
}
