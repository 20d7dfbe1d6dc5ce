package org.persistenceexplorer.service.startup;

import java.time.Duration;

/**
 * Hears how startup goes. Called on the worker threads that run the steps, possibly two at a
 * time; a UI implementation must hand the events over to its own thread.
 */
public interface StartupListener {

    void started(StartupStep step);

    void succeeded(StartupStep step, Duration took, String summary);

    void failed(StartupStep step, Duration took, StartupProblem problem);

    /** The step did not run because a step it needs failed. */
    void skipped(StartupStep step, String reason);
}
