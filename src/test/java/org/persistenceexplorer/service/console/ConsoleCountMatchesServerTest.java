package org.persistenceexplorer.service.console;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.testsupport.CountWindow;
import org.persistenceexplorer.testsupport.ConsoleEngines;
import org.persistenceexplorer.testsupport.TestEngines;

/** What the console sends is counted exactly: the log's successful executions equal pg_stat_statements'. */
class ConsoleCountMatchesServerTest {

    @Test
    void pagedSelectsExplainsErrorsAndHqlAreCountedAsTheServerCountsThem() throws Exception {
        QueryConsole console = new QueryConsole(new SqlConsole(TestEngines.sql().database()::dataSource, 50,
                SqlConsole.MEMORY_CAP_BYTES), new HqlConsole(ConsoleEngines.orm(), ConsoleEngines.log()),
                new CypherConsole((c, p, w, m) -> { throw new UnsupportedOperationException(); }));
        try (CountWindow window = CountWindow.open();
             Cancellation.Scope ignored = new Cancellation().enter("console: run")) {
            console.run(ConsoleMode.SQL, piece("SELECT name FROM hr.department ORDER BY id"), RunSettings.defaults());
            console.run(ConsoleMode.SQL, piece("SELECT id FROM hr.employee ORDER BY id"), RunSettings.defaults());
            console.fetchMore();
            console.fetchMore();
            console.closeResults();
            console.run(ConsoleMode.SQL, piece("SELECT * FROM hr.employee WHERE id = :id"),
                    RunSettings.defaults().withParameters(Map.of("id", "3")));
            console.explain(ConsoleMode.SQL, piece("SELECT * FROM hr.employee WHERE id = 4"), true, RunSettings.defaults());
            try {
                console.run(ConsoleMode.SQL, piece("SELECT nosuch FROM hr.employee"), RunSettings.defaults());
            } catch (ConsoleFailure expected) {
                // failed statements are not counted by the server
            }
            console.run(ConsoleMode.SQL, piece("SELECT 1"), RunSettings.defaults().readOnly(true));
            console.run(ConsoleMode.HQL, piece("select count(e) from Employee e"), RunSettings.defaults());
            window.assertAppCountMatches();
        }
    }

    private static ScriptPiece piece(String text) {
        return new ScriptPiece(text, 0);
    }
}
