package org.persistenceexplorer.service.startup;

import org.persistenceexplorer.store.engine.Causes;
import org.persistenceexplorer.store.engine.EngineStartException;

/**
 * Why a step failed, for the user: what happened and what to do. Never a stack trace.
 */
public record StartupProblem(String message, String remedy) {

    /** Turns any failure into words; engine failures already carry their own. */
    public static StartupProblem of(Throwable error) {
        if (error instanceof EngineStartException engine) {
            return new StartupProblem(engine.getMessage(), engine.remedy());
        }
        Throwable root = Causes.root(error);
        String message = error.getMessage() != null ? error.getMessage() : root.toString();
        if (root != error && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + " (" + root.getMessage() + ")";
        }
        return new StartupProblem(firstLines(message),
                "Retry; if it keeps failing, see Troubleshooting in the README (data folder, ports, logs).");
    }

    private static String firstLines(String text) {
        String[] lines = text.split("\\R");
        return lines.length <= 3 ? text : String.join("\n", lines[0], lines[1], lines[2]) + " ...";
    }
}
