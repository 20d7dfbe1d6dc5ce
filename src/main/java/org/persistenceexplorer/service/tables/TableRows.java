package org.persistenceexplorer.service.tables;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * Reads a table's rows for the grid by keyset paging (see {@link KeysetSql}), and exports the
 * filtered rows as CSV, streamed (constant memory). Every statement goes through the captured
 * pool. Blocking; call off the FX thread. Thread-safe.
 */
public final class TableRows {

    /** Rows per page (and per bookmark). */
    public static final int PAGE_SIZE = 200;
    /** Characters of a value the grid shows; a longer value is cut (the full one is read on demand). */
    public static final int CELL_LIMIT = 10_000;
    private static final int EXPORT_FETCH = 1_000;

    private final Supplier<DataSource> dataSource;

    /** @param dataSource the captured pool (asked for at each call: the engine starts later) */
    public TableRows(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts the matching rows and reads the first key of every page (one pass over the keys). */
    public RowIndex index(RowQuery query) throws SQLException {
        KeysetSql sql = new KeysetSql(query);
        try (Connection c = dataSource.get().getConnection()) {
            long total;
            try (PreparedStatement s = sql.count().prepare(c); ResultSet r = s.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
            List<List<String>> bookmarks = new ArrayList<>();
            try (PreparedStatement s = sql.bookmarks(PAGE_SIZE).prepare(c)) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        bookmarks.add(strings(r, 1, sql.keyWidth()));
                    }
                }
            }
            return new RowIndex(query, total, PAGE_SIZE, bookmarks);
        } catch (SQLException e) {
            throw RowErrors.explain(e, query);
        }
    }

    /** Page {@code number} of the index: one seek to its first key. Empty past the end. */
    public List<GridRow> page(RowIndex index, int number) throws SQLException {
        if (number < 0 || number >= index.pages()) {
            return List.of();
        }
        return read(index.query(), new KeysetSql(index.query()).page(index.bookmarks().get(number), true, index.pageSize()));
    }

    /** The first {@code limit} rows. */
    public List<GridRow> first(RowQuery query, int limit) throws SQLException {
        return read(query, new KeysetSql(query).page(null, false, limit));
    }

    /** The {@code limit} rows after {@code last} (a row of this same query): the next keyset page. */
    public List<GridRow> after(RowQuery query, GridRow last, int limit) throws SQLException {
        return read(query, new KeysetSql(query).page(last.key(), false, limit));
    }

    private List<GridRow> read(RowQuery query, BoundSql statement) throws SQLException {
        KeysetSql sql = new KeysetSql(query);
        int columns = query.table().columns().size();
        try (Connection c = dataSource.get().getConnection(); PreparedStatement s = statement.prepare(c);
             ResultSet r = s.executeQuery()) {
            List<GridRow> rows = new ArrayList<>();
            while (r.next()) {
                List<String> key = strings(r, columns + 1, sql.keyWidth());
                rows.add(new GridRow(strings(r, 1, columns), key, key.subList(sql.rowKeyOffset(), key.size())));
            }
            return rows;
        } catch (SQLException e) {
            throw RowErrors.explain(e, query);
        }
    }

    /** A value in full, e.g. a cell that was cut; null when the row is gone or the value is NULL. */
    public String fullValue(TableDescription table, String column, List<String> rowKey) throws SQLException {
        RowQuery query = RowQuery.all(table);
        KeysetSql sql = new KeysetSql(query);
        BoundSql statement = new BoundSql().sql("SELECT " + Identifiers.quote(column) + "::text FROM "
                + table.ref().quoted() + " WHERE ");
        for (int i = 0; i < sql.keyColumns().size(); i++) {
            String key = sql.keyColumns().get(i);
            String type = query.paging() == RowQuery.Paging.PHYSICAL_POSITION ? "tid" : table.column(key).orElseThrow().type();
            statement.sql(i == 0 ? "" : " AND ").sql(Identifiers.quote(key) + " = ").value(rowKey.get(i), type);
        }
        try (Connection c = dataSource.get().getConnection(); PreparedStatement s = statement.prepare(c);
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw RowErrors.explain(e, query);
        }
    }

    /**
     * Writes the query's rows (in full, its order) to {@code file} as CSV with a header line,
     * streamed through a cursor: memory stays constant whatever the size. The file appears only
     * when complete; a cancelled or failed export leaves nothing behind.
     *
     * @return rows written
     */
    public long exportCsv(RowQuery query, Path file, Progress progress) throws SQLException, IOException {
        KeysetSql sql = new KeysetSql(query);
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        long written = 0;
        try (Connection c = dataSource.get().getConnection()) {
            long total;
            try (PreparedStatement s = sql.count().prepare(c); ResultSet r = s.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
            c.setAutoCommit(false); // a cursor: pgjdbc fetches EXPORT_FETCH rows at a time only inside a transaction
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                 PreparedStatement s = sql.export().prepare(c)) {
                s.setFetchSize(EXPORT_FETCH);
                Csv.line(out, query.table().columnNames());
                try (ResultSet r = s.executeQuery()) {
                    int columns = query.table().columns().size();
                    while (r.next()) {
                        Csv.line(out, strings(r, 1, columns));
                        if (++written % EXPORT_FETCH == 0) {
                            if (WorkContext.cancelled()) {
                                throw new CancellationException("Export cancelled");
                            }
                            progress.update(total == 0 ? 1 : (double) written / total,
                                    String.format("%,d of %,d rows written", written, total));
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            progress.update(1, String.format("%,d rows written to %s", written, file.getFileName()));
            return written;
        } catch (SQLException e) {
            throw RowErrors.explain(e, query);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static List<String> strings(ResultSet r, int from, int count) throws SQLException {
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(r.getString(from + i));
        }
        return Collections.unmodifiableList(values);
    }
}
