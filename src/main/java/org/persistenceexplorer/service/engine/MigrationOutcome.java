package org.persistenceexplorer.service.engine;

import java.util.List;

/**
 * What one migrate call did to a migration track.
 *
 * @param track          the track's name, e.g. "hr"
 * @param applied        "version description" of each migration applied now; empty when nothing was pending
 * @param currentVersion the schema version afterwards, or null for an empty schema
 */
public record MigrationOutcome(String track, List<String> applied, String currentVersion) {

    public MigrationOutcome {
        applied = List.copyOf(applied);
    }

    /** One line for the startup screen: "2 migrations applied; schema at version 2". */
    public String describe() {
        String version = currentVersion == null ? "empty" : "version " + currentVersion;
        if (applied.isEmpty()) {
            return "Nothing pending; schema at " + version;
        }
        return applied.size() + (applied.size() == 1 ? " migration" : " migrations") + " applied; schema at " + version;
    }
}
