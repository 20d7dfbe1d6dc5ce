package org.persistenceexplorer.app;

import org.persistenceexplorer.service.console.CypherConsole;
import org.persistenceexplorer.service.console.HqlConsole;
import org.persistenceexplorer.service.console.QueryConsole;
import org.persistenceexplorer.service.console.SqlConsole;

/** Wires the Query Console's service to the app's captured pool, Hibernate, statement log and graph. */
final class ConsoleServices {

    private ConsoleServices() {
    }

    static QueryConsole of(AppContext context) {
        return new QueryConsole(new SqlConsole(() -> context.sql().dataSource()),
                new HqlConsole(context.orm(), context.statementLog()),
                new CypherConsole(context.graph()::query));
    }
}
