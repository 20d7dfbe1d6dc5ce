package org.persistenceexplorer.service.migrations;

/**
 * Going back needs a rebuild: some version between the target and the current one has no undo
 * script. The message says plainly what a rebuild resets; ask the user before calling
 * {@link MigrationTracks#rebuildTo}.
 */
public final class RebuildNeeded extends Exception {

    private final String track;
    private final String target;

    RebuildNeeded(String track, String target, String message) {
        super(message);
        this.track = track;
        this.target = target;
    }

    public String track() {
        return track;
    }

    public String target() {
        return target;
    }
}
