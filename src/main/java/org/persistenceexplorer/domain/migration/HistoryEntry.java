package org.persistenceexplorer.domain.migration;

import java.time.Instant;

/**
 * One row of a track's history as Flyway's {@code info} reports it: a script found in the folder,
 * a row of the history table, or both. Immutable.
 *
 * @param version         null for a repeatable migration
 * @param type            "SQL", "BASELINE", ...
 * @param checksum        the applied checksum where applied, else the file's; null when neither
 * @param fileChecksum    the file's checksum, null when the file is gone
 * @param installedOn     null until applied
 * @param executionMillis null until applied
 * @param state           Flyway's state in its own words, e.g. "Success", "Pending", "Out of Order"
 * @param current         true for the row of the schema's current version
 */
public record HistoryEntry(String version, String description, String type, String script, Integer checksum,
                           Integer fileChecksum, Instant installedOn, String installedBy, Integer executionMillis,
                           String state, boolean current) {

    /** True when the history table and the file disagree on the checksum (the file was edited after it ran). */
    public boolean checksumDrift() {
        return checksum != null && fileChecksum != null && !checksum.equals(fileChecksum);
    }

    public boolean applied() {
        return installedOn != null;
    }
}
