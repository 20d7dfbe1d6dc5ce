package org.persistenceexplorer.ui.tables;

import org.persistenceexplorer.service.tables.LargeHr;
import org.persistenceexplorer.service.tables.RowEditing;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.ui.common.BackgroundRunner;

/**
 * The Tables tab's state, in its parts: the schema browser, the grid, entity mode's panel and
 * the generator, wired so a save reloads the grid and a generated company opens. FX thread.
 */
public final class TablesViewModel {

    private final SchemaBrowserViewModel browser;
    private final RowGridViewModel grid;
    private final EntityPanelViewModel entity;
    private final GeneratorViewModel generator;
    private final EntityModelViewModel entityModel;
    private Runnable entityPanelWanted = () -> { };

    public TablesViewModel(BackgroundRunner runner, TableCatalog catalog, TableRows rows, EntityEditing editing,
                           LargeHr largeHr, RowEditing rowEditing) {
        this.browser = new SchemaBrowserViewModel(runner, catalog);
        this.grid = new RowGridViewModel(runner, catalog, rows);
        this.entity = new EntityPanelViewModel(runner, editing, catalog, rowEditing, grid::reload);
        this.entityModel = new EntityModelViewModel(runner, editing.models());
        // the model panel follows the grid's table, then the entity the panel navigates to
        grid.tableProperty().addListener((obs, old, table) -> entityModel.showTable(table == null ? null : table.ref()));
        entity.entityNameProperty().addListener((obs, old, name) -> {
            if (entityModel.modelProperty().get() != null && entityModel.modelProperty().get().entityName().equals(name)) {
                entity.modelShown(entityModel.modelProperty().get());
            } else {
                entityModel.showEntity(name);
            }
        });
        entityModel.modelProperty().addListener((obs, old, model) -> entity.modelShown(model));
        this.generator = new GeneratorViewModel(runner, largeHr, table -> {
            browser.refresh();
            grid.open(table);
        });
    }

    /**
     * The tab opened: read the catalog, then open hr.employee, the sample's heart, or on the
     * user's own server (no hr there) its first table.
     */
    public void start() {
        TableRef sample = new TableRef("hr", "employee");
        browser.refresh(read -> {
            if (read.stream().anyMatch(t -> t.ref().equals(sample))) {
                grid.open(sample);
            } else if (!read.isEmpty()) {
                grid.open(read.get(0).ref());
            }
        });
    }

    public void open(TableRef table) {
        grid.open(table);
    }

    public SchemaBrowserViewModel browser() {
        return browser;
    }

    public RowGridViewModel grid() {
        return grid;
    }

    public EntityPanelViewModel entity() {
        return entity;
    }

    public EntityModelViewModel entityModel() {
        return entityModel;
    }

    /** On the tab's ticks (Hibernate opens after the window). */
    public void refresh() {
        entity.refresh();
        entityModel.refresh();
    }

    public GeneratorViewModel generator() {
        return generator;
    }

    /** Whoever shows the entity panel (the view: docked, or a drawer it may have to open). */
    void whenEntityPanelWanted(Runnable show) {
        entityPanelWanted = show;
    }

    /** A lesson's step acts in entity mode: its result is in the panel, which must be in sight. */
    void showEntityPanel() {
        entityPanelWanted.run();
    }

    public void close() {
        entity.close();
    }

    /** 1,234 / 12.3k / 1.2M for the browser's estimates. */
    static String shortCount(long n) {
        if (n < 10_000) {
            return String.format("%,d", n);
        }
        if (n < 1_000_000) {
            return String.format("%.1fk", n / 1000.0);
        }
        return String.format("%.1fM", n / 1_000_000.0);
    }
}
