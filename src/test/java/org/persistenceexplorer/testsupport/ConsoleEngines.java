package org.persistenceexplorer.testsupport;

import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.service.console.CypherConsole;
import org.persistenceexplorer.service.console.HqlConsole;
import org.persistenceexplorer.service.console.QueryConsole;
import org.persistenceexplorer.service.console.SqlConsole;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orggraph.OrgGraphImport;
import org.persistenceexplorer.service.orm.OrmSessions;

/**
 * The console's services on the shared test engines, built once per test JVM: a statement log
 * listening to the shared recorder (for HQL's generated SQL), a Hibernate of its own on the
 * captured pool, and the HR people imported into the test graph (idempotent MERGE; ids 1-300 do
 * not meet other tests' people).
 */
public final class ConsoleEngines {

    private static QueryConsole console;
    private static StatementLog log;
    private static OrmSessions orm;

    private ConsoleEngines() {
    }

    public static synchronized QueryConsole console() {
        if (console == null) {
            log = new StatementLog();
            TestEngines.sql().recorder().addListener(log);
            orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), HrModel.ENTITIES);
            orm.open();
            Runtime.getRuntime().addShutdownHook(new Thread(orm::close, "pe-test-console-orm-close"));
            try {
                new OrgGraphImport(TestEngines.sql().database().dataSource(), TestEngines.graph().cypher()).importPeople();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            console = new QueryConsole(new SqlConsole(TestEngines.sql().database()::dataSource), new HqlConsole(orm, log),
                    new CypherConsole(TestEngines.graph().gateway()::query));
        }
        return console;
    }

    public static synchronized OrmSessions orm() {
        console();
        return orm;
    }

    public static synchronized StatementLog log() {
        console();
        return log;
    }
}
