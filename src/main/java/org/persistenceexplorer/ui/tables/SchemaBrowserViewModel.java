package org.persistenceexplorer.ui.tables;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableSummary;

/**
 * The schema browser's list: every browsable table with its row estimate, read from the
 * catalog in the background. FX thread; callbacks arrive there too.
 */
public final class SchemaBrowserViewModel {

    private final org.persistenceexplorer.ui.common.BackgroundRunner runner;
    private final TableCatalog catalog;
    private final ObservableList<TableSummary> tables = FXCollections.observableArrayList();
    private final ObservableList<TableSummary> readOnlyTables = FXCollections.unmodifiableObservableList(tables);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public SchemaBrowserViewModel(org.persistenceexplorer.ui.common.BackgroundRunner runner, TableCatalog catalog) {
        this.runner = runner;
        this.catalog = catalog;
    }

    /** Reads the catalog again. */
    public void refresh() {
        refresh(read -> { });
    }

    /** Reads the catalog again, then hands what it read on (FX thread). */
    public void refresh(java.util.function.Consumer<List<TableSummary>> then) {
        status.set("Reading the catalog…");
        runner.task("tables: read catalog", p -> catalog.tables())
                .replacing("tables.catalog")
                .onSuccess(read -> {
                    show(read);
                    then.accept(read);
                })
                .onFailure(e -> status.set(TablesText.problem(e)))
                .start();
    }

    private void show(List<TableSummary> read) {
        tables.setAll(read);
        long schemas = read.stream().map(t -> t.ref().schema()).distinct().count();
        status.set(summary(read.size(), schemas));
    }

    /** "5 tables in 1 schema", singular and plural as English has them. */
    static String summary(int tables, long schemas) {
        return tables + (tables == 1 ? " table in " : " tables in ") + schemas + (schemas == 1 ? " schema" : " schemas");
    }

    public ObservableList<TableSummary> tables() {
        return readOnlyTables;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
