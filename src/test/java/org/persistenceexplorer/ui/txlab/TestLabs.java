package org.persistenceexplorer.ui.txlab;

import org.persistenceexplorer.service.engine.SidePool;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.txlab.TransactionsLab;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.TestEngines;

/** A transactions lab on the test server, its test table in a schema of the test's own. */
final class TestLabs {

    private TestLabs() {
    }

    static TransactionsLab lab(OrmSessions orm, String schema) {
        return new TransactionsLab(() -> TestEngines.sql().database().dataSource(),
                (name, size, timeout) -> new SidePool(SqlDatabase.openSide(TestEngines.sql().server().endpoint(),
                        TestEngines.sql().recorder(), name, size, timeout.toMillis())),
                orm, TestEngines.sql().recorder(), schema);
    }
}
