package org.persistenceexplorer.service.startup;

import java.util.List;

/**
 * One step of bringing the app up, as the startup screen lists it.
 *
 * @param id       stable key, e.g. "pg-start"
 * @param title    what the user reads, e.g. "Starting PostgreSQL"
 * @param action   the label its statements carry in the log, e.g. "startup: migrate hr"
 * @param needed   true when the main window needs it (PostgreSQL); false for work that may
 *                 finish after the window opens (Neo4j)
 * @param after    ids of the steps that must succeed first
 * @param work     the blocking work; returns a one-line summary ("2 migrations applied")
 */
public record StartupStep(String id, String title, String action, boolean needed, List<String> after, Body work) {

    public StartupStep {
        after = List.copyOf(after);
    }

    /** The blocking work of a step. */
    @FunctionalInterface
    public interface Body {
        String run() throws Exception;
    }
}
