package org.persistenceexplorer.ui.tables;

import java.util.concurrent.CancellationException;
import org.persistenceexplorer.service.tables.TableProblem;

/** Words for what went wrong in the Tables tab. */
final class TablesText {

    private TablesText() {
    }

    /** The user's problem as it is, anything else with its first line. */
    static String problem(Throwable e) {
        if (e instanceof TableProblem) {
            return e.getMessage();
        }
        if (e instanceof CancellationException) {
            return e.getMessage() == null ? "Cancelled." : e.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)) + " — the data is unchanged; try again or pick another table.";
    }
}
