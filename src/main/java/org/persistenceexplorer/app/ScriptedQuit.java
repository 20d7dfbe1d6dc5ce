package org.persistenceexplorer.app;

import java.util.Locale;

/**
 * When a scripted start-up wants the app to quit by itself, through the system property
 * {@code pe.quitAfter}: {@code window} quits as soon as the main window is shown, before Hibernate
 * and Neo4j start behind it (timing runs, the dist build's cache training); {@code started} once
 * every startup step has finished (a training that also puts Neo4j's and Hibernate's classes into
 * the ahead-of-time cache). Unset means never: a person quits. The quit is the ordinary one
 * (engines stopped, no process left). Decided once at launch; read on the FX thread.
 */
enum ScriptedQuit {
    NEVER, WINDOW, STARTED;

    static final String PROPERTY = "pe.quitAfter";

    /** The quit the property asks for; a value it does not know is an error in plain words. */
    static ScriptedQuit from(String value) {
        if (value == null || value.isBlank()) {
            return NEVER;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "window" -> WINDOW;
            case "started" -> STARTED;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " must be window or started, not "
                    + value.trim() + ".");
        };
    }

    static ScriptedQuit fromSystemProperty() {
        return from(System.getProperty(PROPERTY));
    }
}
