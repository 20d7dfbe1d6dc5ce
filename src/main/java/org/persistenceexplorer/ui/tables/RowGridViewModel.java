package org.persistenceexplorer.ui.tables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.RowFilter;
import org.persistenceexplorer.service.tables.RowIndex;
import org.persistenceexplorer.service.tables.RowOrder;
import org.persistenceexplorer.service.tables.RowQuery;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableConstraint;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableProblem;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.RunningTask;

/**
 * The grid's state: the open table and its description, sort and filters, and its rows as a
 * {@link PagedRows} list fed by keyset pages loaded in the background (at most one page request
 * in flight; while the user scrolls fast only the newest wanted page is fetched next), a bounded
 * page cache, CSV export with progress and cancel. FX thread; callbacks arrive there too.
 */
public final class RowGridViewModel {

    static final int CACHED_PAGES = 60;
    /** The most rows the grid's table holds at once (a window of the result; see {@link WindowedRows}). */
    static final int WINDOW_ROWS = 10_000;
    private static final int WANTED_MAX = 4;

    private final BackgroundRunner runner;
    private final TableCatalog catalog;
    private final TableRows rows;
    private final PagedRows items = new PagedRows(this::rowAt);
    private final WindowedRows window = new WindowedRows(this::rowAt, this::loadedRowAt, WINDOW_ROWS);
    private final ReadOnlyObjectWrapper<TableDescription> table = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RowOrder> order = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RowFilter> filters = FXCollections.observableArrayList();
    private final ObservableList<RowFilter> readOnlyFilters = FXCollections.unmodifiableObservableList(filters);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Pick a table on the left.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paging = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<RunningTask> export = new ReadOnlyObjectWrapper<>();
    private final LinkedHashMap<Integer, List<GridRow>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<GridRow>> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private final LinkedHashSet<Integer> wanted = new LinkedHashSet<>();
    private RowIndex index;
    private boolean pageInFlight;
    private long pagesLoaded;

    public RowGridViewModel(BackgroundRunner runner, TableCatalog catalog, TableRows rows) {
        this.runner = runner;
        this.catalog = catalog;
        this.rows = rows;
    }

    /** Opens a table in key order without filters. */
    public void open(TableRef ref) {
        open(ref, List.of());
    }

    /** Opens a table with these filters (following a foreign key opens the referenced row this way). */
    public void open(TableRef ref, List<RowFilter> initialFilters) {
        status.set("Opening " + ref + "…");
        problem.set("");
        loading.set(true);
        runner.task("tables: open " + ref, p -> {
                    TableDescription description = catalog.describe(ref);
                    RowQuery query = new RowQuery(description, null, initialFilters);
                    return rows.index(query);
                })
                .replacing("tables.index")
                .onSuccess(result -> {
                    table.set(result.query().table());
                    order.set(null);
                    filters.setAll(initialFilters);
                    show(result);
                })
                .onFailure(this::failed)
                .start();
    }

    /** Sorts by a column (null: key order) and reads the keys again. */
    public void sortBy(RowOrder newOrder) {
        if (table.get() == null || java.util.Objects.equals(order.get(), newOrder)) {
            return;
        }
        order.set(newOrder);
        reindex();
    }

    public void addFilter(RowFilter filter) {
        filters.add(filter);
        reindex();
    }

    public void removeFilter(RowFilter filter) {
        if (filters.remove(filter)) {
            reindex();
        }
    }

    /** Reads the rows again (after an edit elsewhere, or to see others' changes). */
    public void reload() {
        reindex();
    }

    private RowQuery query() {
        return new RowQuery(table.get(), order.get(), new ArrayList<>(filters));
    }

    private void reindex() {
        TableDescription current = table.get();
        if (current == null) {
            return;
        }
        RowQuery query;
        try {
            query = query();
        } catch (TableProblem e) {
            problem.set(e.getMessage());
            return;
        }
        loading.set(true);
        problem.set("");
        status.set("Reading the keys of " + current.ref() + "…");
        runner.task("tables: read keys", p -> rows.index(query))
                .replacing("tables.index")
                .onSuccess(this::show)
                .onFailure(e -> keysFailed(current, e))
                .start();
    }

    private void show(RowIndex result) {
        index = result;
        cache.clear();
        wanted.clear();
        pageInFlight = false;
        loading.set(false);
        TableDescription description = result.query().table();
        paging.set(result.query().paging().description());
        status.set(String.format("%,d %s%s · %,d %s of %d rows", result.total(), result.total() == 1 ? "row" : "rows",
                result.query().filters().isEmpty() ? "" : result.total() == 1 ? " matches the filters" : " match the filters",
                result.pages(), result.pages() == 1 ? "page" : "pages", result.pageSize())
                + (description.exactRows() || !result.query().filters().isEmpty() ? "" : " · table estimate "
                + String.format("%,d", description.rows())));
        int total = (int) Math.min(Integer.MAX_VALUE, result.total());
        items.reset(total);
        window.reset(total);
    }

    private void failed(Throwable e) {
        loading.set(false);
        pageInFlight = false;
        problem.set(TablesText.problem(e));
    }

    /** The keys could not be read: not "Reading…" any more, and the rows the grid still shows are the last ones read. */
    private void keysFailed(TableDescription table, Throwable e) {
        failed(e);
        status.set("Could not read " + table.ref() + " (see above); the rows shown were read before.");
    }

    /** The row at a grid index if its page is here; otherwise null, and its page is asked for. */
    GridRow rowAt(int position) {
        if (index == null) {
            return null;
        }
        int page = index.pageOf(position);
        List<GridRow> cached = cache.get(page);
        if (cached != null) {
            int offset = position - page * index.pageSize();
            return offset < cached.size() ? cached.get(offset) : null;
        }
        want(page);
        return null;
    }

    /** The row at a result index if its page is here, else null; asks for nothing. */
    GridRow loadedRowAt(int position) {
        if (index == null) {
            return null;
        }
        int page = index.pageOf(position);
        List<GridRow> cached = cache.get(page);
        int offset = position - page * index.pageSize();
        return cached != null && offset < cached.size() ? cached.get(offset) : null;
    }

    private void want(int page) {
        wanted.remove(page);
        wanted.add(page);
        while (wanted.size() > WANTED_MAX) {
            wanted.remove(wanted.iterator().next());
        }
        loadNext();
    }

    /** One page request at a time, the most recently wanted first: fast scrolling skips the pages it passed. */
    private void loadNext() {
        if (pageInFlight || wanted.isEmpty() || index == null) {
            return;
        }
        Integer page = null;
        for (Integer p : wanted) {
            page = p;
        }
        wanted.remove(page);
        if (cache.containsKey(page)) {
            loadNext();
            return;
        }
        pageInFlight = true;
        RowIndex from = index;
        int number = page;
        runner.task("tables: page", p -> rows.page(from, number))
                .replacing("tables.page")
                .onSuccess(loaded -> {
                    pageInFlight = false;
                    if (from != index) {
                        loadNext();
                        return;
                    }
                    cache.put(number, loaded);
                    pagesLoaded++;
                    items.arrived(number * from.pageSize(), number * from.pageSize() + loaded.size());
                    window.arrived(number * from.pageSize(), number * from.pageSize() + loaded.size());
                    loadNext();
                })
                .onFailure(this::failed)
                .start();
    }

    /** Opens the row a foreign-key value points to: the referenced table, filtered to that key. */
    public void follow(TableConstraint foreignKey, String value) {
        if (value == null || foreignKey.references() == null) {
            return;
        }
        open(foreignKey.references(), List.of(new RowFilter(foreignKey.referencedColumns().get(0),
                org.persistenceexplorer.service.tables.FilterOperator.EQUALS, value)));
    }

    /** Counts the table's rows exactly (a full count on a big table) and shows it. */
    public void countExactly() {
        TableDescription current = table.get();
        if (current == null) {
            return;
        }
        runner.task("tables: count rows", p -> catalog.exactCount(current.ref()))
                .onSuccess(count -> status.set(String.format("%,d rows in %s (exact count)", count, current.ref())))
                .onFailure(this::failed)
                .start();
    }

    /** Writes the filtered, sorted rows to a CSV file; progress and cancel through {@link #exportProperty()}. */
    public void exportCsv(Path file) {
        if (table.get() == null) {
            return;
        }
        RowQuery query = query();
        boolean[] over = {false};
        RunningTask task = runner.task("tables: export csv", p -> rows.exportCsv(query, file, p))
                .onSuccess(count -> {
                    over[0] = true;
                    export.set(null);
                    status.set(String.format("Exported %,d rows to %s", count, file));
                })
                .onFailure(e -> {
                    over[0] = true;
                    export.set(null);
                    failed(e);
                })
                .onCancelled(() -> {
                    over[0] = true;
                    export.set(null);
                    status.set("Export cancelled; no file was written.");
                })
                .start();
        if (!over[0]) {
            export.set(task);
        }
    }

    /** A value in full (a cut cell), read in the background, handed to {@code then}. */
    public void fullValue(GridRow row, int column, java.util.function.Consumer<String> then) {
        TableDescription current = table.get();
        String name = current.columns().get(column).name();
        runner.task("tables: read value", p -> rows.fullValue(current, name, row.rowKey()))
                .onSuccess(then)
                .onFailure(this::failed)
                .start();
    }

    /** The whole result's rows (as long as the result). */
    public PagedRows items() {
        return items;
    }

    /** What the grid's table holds: a window of {@link #items()} of at most {@value #WINDOW_ROWS} rows. */
    WindowedRows window() {
        return window;
    }

    public ReadOnlyObjectProperty<TableDescription> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RowOrder> orderProperty() {
        return order.getReadOnlyProperty();
    }

    public ObservableList<RowFilter> filters() {
        return readOnlyFilters;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong last, in plain words; "" when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pagingProperty() {
        return paging.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The running export, or null. */
    public ReadOnlyObjectProperty<RunningTask> exportProperty() {
        return export.getReadOnlyProperty();
    }

    /** Pages fetched since the app started (for tests and the benchmark). */
    long pagesLoaded() {
        return pagesLoaded;
    }

    /** The current index (null before a table is open). */
    RowIndex index() {
        return index;
    }
}
