package org.persistenceexplorer.service.migrations;

import org.persistenceexplorer.domain.schema.SchemaSnapshot;

/**
 * One versioned migration of a track, as the timeline shows it: its script, its undo script if
 * the track ships one, and the schema right after it (from a scratch copy of the track migrated
 * step by step). Immutable.
 *
 * @param undoScript the undo script's file name, or null when there is none
 * @param undoSql    its text, or null
 * @param after      the schema after this step, or null when the step could not be applied
 *                   (see {@link TrackTimeline#problems()})
 */
public record VersionStep(String version, String description, String script, String sql, String undoScript,
                          String undoSql, SchemaSnapshot after) {

    /** "3 move tags to tag table". */
    public String label() {
        return version + " " + description;
    }

    public boolean undoable() {
        return undoSql != null;
    }
}
