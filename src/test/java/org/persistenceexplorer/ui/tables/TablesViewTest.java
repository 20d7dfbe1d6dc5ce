package org.persistenceexplorer.ui.tables;

import org.persistenceexplorer.service.hrdata.HrGenerator;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.LargeHr;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.ui.common.BackgroundRunner;

/** The Tables tab as a user meets it. */
public class TablesViewTest {

    /** A view on services whose engine never starts: enough to load the FXML. */
    public static TablesView view(BackgroundRunner runner, StatementLog log) {
        java.util.function.Supplier<javax.sql.DataSource> none = () -> {
            throw new IllegalStateException("PostgreSQL is not up yet");
        };
        return new TablesView(new TablesViewModel(runner, new TableCatalog(none), new TableRows(none),
                new EntityEditing(new OrmSessions(none, java.util.List.of()), log), new LargeHr(none, new HrGenerator(none))));
    }
}
