package org.persistenceexplorer.app;

import java.util.List;
import org.persistenceexplorer.service.tables.LargeHr;
import org.persistenceexplorer.service.tables.RowEditing;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.console.ConsoleFeature;
import org.persistenceexplorer.ui.lab.LabFeature;
import org.persistenceexplorer.ui.migrations.MigrationsFeature;
import org.persistenceexplorer.service.foreigngraph.MappingStore;
import org.persistenceexplorer.ui.orgchart.GraphMappings;
import org.persistenceexplorer.ui.orgchart.OrgChartFeature;
import org.persistenceexplorer.ui.tables.TablesFeature;
import org.persistenceexplorer.ui.txlab.TxLabFeature;

/**
 * The tabs of the main window, in order (Ctrl+1 is the first): adding a tab or lab is one new
 * package under ui/ plus one line here, handing the feature the services it needs.
 */
final class FeatureList {

    private FeatureList() {
    }

    static List<Feature> of(AppContext context) {
        return List.of(
                new TablesFeature(new TableCatalog(context.sql()::dataSource), new TableRows(context.sql()::dataSource),
                        new EntityEditing(context.orm(), context.statementLog(), context.rowChanges()),
                        new LargeHr(context.sql()::dataSource, context.hrGenerator()),
                        new RowEditing(context.sql()::dataSource, context.statementLog(), context.rowChanges())),
                new MigrationsFeature(context.migrations()),
                new OrgChartFeature(context.graph(), () -> context.sql().dataSource(), context.hrGenerator(),
                        context.rowChanges(), new GraphMappings(() -> context.connections().current().name(),
                        new MappingStore(context.settings().dataDirectory()), context.graph())),
                new ConsoleFeature(() -> ConsoleServices.of(context), !context.sql().settings().embeddedPostgres()),
                new LabFeature(context.loadingLab(), context.actionTotals()),
                new TxLabFeature(context.transactionsLab()));
    }
}
