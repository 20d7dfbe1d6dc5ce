package org.persistenceexplorer.app;

import org.persistenceexplorer.service.console.CypherConsole;
import org.persistenceexplorer.service.console.HqlConsole;
import org.persistenceexplorer.service.console.QueryConsole;
import org.persistenceexplorer.service.console.SqlConsole;

/** Wires the Query Console's service to the app's captured pool, Hibernate, statement log and graph. */
final class ConsoleServices {

    private ConsoleServices() {
    }

    /** Why PostgreSQL refuses the app's writes now, in the user's words, or null when it takes them. */
    static String readOnlyReason(AppContext context) {
        String address = context.sql().status().address();
        if (context.sql().readOnly()) {
            return "PostgreSQL at " + address + " is not the app's own server, and the connection profile '"
                    + context.profile().name() + "' is read-only. Unlock writes for it in Connect (Ctrl+Shift+K)"
                    + " if you mean to change its data.";
        }
        if (address.endsWith("(replica)")) {
            return "PostgreSQL at " + address + " is a replica (in recovery): it takes no writes. Connect to the"
                    + " primary (targetServerType=primary in the URL) to change data.";
        }
        return null;
    }

    static QueryConsole of(AppContext context) {
        return new QueryConsole(new SqlConsole(() -> context.sql().dataSource(), () -> readOnlyReason(context)),
                new HqlConsole(context.orm(), context.statementLog()),
                new CypherConsole(context.graph()::query));
    }
}
