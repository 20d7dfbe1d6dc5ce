package org.persistenceexplorer.ui.tables;

import javafx.scene.Parent;
import org.persistenceexplorer.service.tables.LargeHr;
import org.persistenceexplorer.service.tables.RowEditing;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.ViewLoader;

/**
 * The Tables tab: browse any table at any size (schema browser, keyset-paged grid, filters,
 * export), edit mapped rows through Hibernate in entity mode and watch what it sends, and
 * generate a big HR company. FX thread.
 */
public final class TablesFeature implements Feature {

    private final TableCatalog catalog;
    private final TableRows rows;
    private final EntityEditing editing;
    private final LargeHr largeHr;
    private final RowEditing rowEditing;
    /** Built by the tab's first open (or a headless prepare), then the same for both. */
    private TablesViewModel model;
    private boolean started;

    /** @param rowEditing plain-SQL edits of tables no entity maps */
    public TablesFeature(TableCatalog catalog, TableRows rows, EntityEditing editing, LargeHr largeHr, RowEditing rowEditing) {
        this.catalog = catalog;
        this.rows = rows;
        this.editing = editing;
        this.largeHr = largeHr;
        this.rowEditing = rowEditing;
    }

    @Override
    public String id() {
        return "tables";
    }

    @Override
    public String title() {
        return "Tables";
    }

    @Override
    public String icon() {
        return "mdal-grid_on";
    }

    @Override
    public java.util.List<org.persistenceexplorer.ui.common.FeatureCommand> commands() {
        return new TablesCommands(() -> model).all();
    }

    @Override
    public void prepare(FeatureContext context) {
        build(context);
        start();
    }

    private void build(FeatureContext context) {
        if (model == null) {
            model = new TablesViewModel(context.runner(), catalog, rows, editing, largeHr, rowEditing);
            context.ticker().subscribe(model::refresh);
        }
    }

    private void start() {
        if (!started) {
            started = true;
            model.start();
        }
    }

    @Override
    public void reset() {
        model = null;
        started = false;
    }

    @Override
    public FeatureView open(FeatureContext context) {
        build(context);
        TablesViewModel shown = model;
        Parent root = ViewLoader.load(new TablesView(shown));
        root.getStylesheets().add(TablesFeature.class.getResource("/css/tables.css").toExternalForm());
        start();
        return new FeatureView() {
            @Override
            public Parent root() {
                return root;
            }

            @Override
            public void close() {
                shown.close();
            }
        };
    }
}
