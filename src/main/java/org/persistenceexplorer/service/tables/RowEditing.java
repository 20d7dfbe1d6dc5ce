package org.persistenceexplorer.service.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.changes.RowChange;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.tables.entity.DatabaseRefusal;

/**
 * Edits rows of tables no entity maps (other schemas, join tables, an external server's
 * tables) with plain parameterised SQL, one transaction per edit: {@code UPDATE ... WHERE <key> = ?},
 * {@code INSERT ... RETURNING}, {@code DELETE ... WHERE <key> = ?}. An UPDATE is optimistic: its
 * WHERE also holds the values the user read of each column they changed, so a row someone else
 * changed meanwhile updates nothing and the edit says so ({@link RowEdit.Kind#CHANGED}) instead of
 * overwriting their change; nothing the user typed is lost. A DELETE is optimistic the same way,
 * over every column the user read. Every value is a bound
 * parameter cast on the server to its column's type; identifiers come from the catalog, quoted.
 * A table without a primary key is not edited at all (see {@link #readOnlyReason}). After a
 * commit the change is published to {@link RowChanges}. Thread-safe; blocking, call off the
 * FX thread.
 */
public final class RowEditing {

    private final Supplier<DataSource> dataSource;
    private final StatementLog log;
    private final RowChanges changes;

    public RowEditing(Supplier<DataSource> dataSource, StatementLog log, RowChanges changes) {
        this.dataSource = dataSource;
        this.log = log;
        this.changes = changes;
    }

    /**
     * Why this table's rows cannot be edited here, or empty when they can. Without a primary key
     * no value names one row for sure: ctid does, but only until the row's next update or a
     * VACUUM FULL moves it, so an edit by ctid could change a different row than the one shown.
     */
    public static Optional<String> readOnlyReason(TableDescription table) {
        if (table.primaryKey().isEmpty()) {
            return Optional.of(table.ref() + " has no primary key, so it is read-only here: nothing names one of its "
                    + "rows for sure (its ctid changes with every update). Add a primary key to edit it.");
        }
        return Optional.empty();
    }

    /**
     * Changes columns of the row with this key, if they still hold what the user read. An empty
     * or null value means SQL NULL.
     *
     * @param key     the primary key's values, in key order
     * @param changed new values by column
     * @param read    each changed column's value as the user read it (text as the grid shows it,
     *                null for NULL); the UPDATE only happens while the row still has them
     */
    public RowEdit update(TableDescription table, List<String> key, Map<String, String> changed, Map<String, String> read) {
        requireKey(table, key);
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("nothing to change");
        }
        if (!read.keySet().containsAll(changed.keySet())) {
            throw new IllegalArgumentException("the values read of " + changed.keySet() + " are needed for the check");
        }
        BoundSql sql = new BoundSql().sql("UPDATE " + table.ref().quoted() + " SET ");
        boolean first = true;
        for (var change : changed.entrySet()) {
            TableColumn column = column(table, change.getKey());
            sql.sql(first ? "" : ", ").sql(Identifiers.quote(column.name()) + " = ");
            value(sql, change.getValue(), column);
            first = false;
        }
        where(sql, table, key);
        for (String name : changed.keySet()) {
            // compared as the text the grid read (column::text), so every type compares exactly as shown
            String was = read.get(name);
            sql.sql(" AND " + Identifiers.quote(column(table, name).name()) + "::text");
            if (was == null) {
                sql.sql(" IS NULL");
            } else {
                sql.sql(" = ").parameter(was);
            }
        }
        List<String> newKey = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            String column = table.primaryKey().get(i);
            newKey.add(changed.containsKey(column) ? changed.get(column) : key.get(i));
        }
        return run(table, sql, RowChange.Kind.UPDATED, changed, "Saved: one row updated.", newKey, key, read);
    }

    /** Inserts a row; columns left out (or empty) get their default (or NULL). */
    public RowEdit insert(TableDescription table, Map<String, String> values) {
        requireKey(table, null);
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((column, value) -> {
            if (value != null && !value.isEmpty()) {
                given.put(column, value);
            }
        });
        BoundSql sql = new BoundSql().sql("INSERT INTO " + table.ref().quoted());
        if (given.isEmpty()) {
            sql.sql(" DEFAULT VALUES");
        } else {
            sql.sql(" (" + String.join(", ", given.keySet().stream().map(c -> Identifiers.quote(column(table, c).name())).toList())
                    + ") VALUES (");
            boolean first = true;
            for (var value : given.entrySet()) {
                sql.sql(first ? "" : ", ");
                value(sql, value.getValue(), column(table, value.getKey()));
                first = false;
            }
            sql.sql(")");
        }
        returning(sql, table);
        return run(table, sql, RowChange.Kind.INSERTED, given, "Inserted: one row.", null, null, Map.of());
    }

    /**
     * Deletes the row with this key if it still holds what the user read (rows the database
     * cascades to go with it). Like {@link #update}, the DELETE is optimistic: its WHERE holds every
     * column's value as read, so a row someone changed meanwhile is not deleted
     * ({@link RowEdit.Kind#CHANGED}, with what changed).
     *
     * @param read every column's value as the grid read it (null for NULL; a cut long value as cut)
     */
    public RowEdit delete(TableDescription table, List<String> key, Map<String, String> read) {
        requireKey(table, key);
        BoundSql sql = new BoundSql().sql("DELETE FROM " + table.ref().quoted());
        where(sql, table, key);
        for (var value : read.entrySet()) {
            TableColumn column = column(table, value.getKey());
            if (table.primaryKey().contains(column.name())) {
                continue; // the key is in the WHERE already
            }
            String was = value.getValue();
            boolean cut = was != null && was.length() == TableRows.CELL_LIMIT + 1;
            // compared as the grid read it: the text form, cut where the grid cut it
            sql.sql(" AND " + (cut ? "left(" + Identifiers.quote(column.name()) + "::text, " + (TableRows.CELL_LIMIT + 1) + ")"
                    : Identifiers.quote(column.name()) + "::text"));
            if (was == null) {
                sql.sql(" IS NULL");
            } else {
                sql.sql(" = ").parameter(was);
            }
        }
        return run(table, sql, RowChange.Kind.DELETED, Map.of(), "Deleted: one row.", key, key, read);
    }

    /**
     * The row with this key as it is now (every column as text, in column order), or null when
     * there is none: what Reload shows after a refused edit.
     */
    public List<String> row(TableDescription table, List<String> key) {
        requireKey(table, key);
        try (Connection connection = dataSource.get().getConnection()) {
            return rowByKey(table, key, connection);
        } catch (SQLException e) {
            throw new TableProblem("Could not read the row of " + table.ref() + ": " + e.getMessage());
        }
    }

    private static void requireKey(TableDescription table, List<String> key) {
        readOnlyReason(table).ifPresent(reason -> {
            throw new TableProblem(reason);
        });
        if (key != null && key.size() != table.primaryKey().size()) {
            throw new IllegalArgumentException("the key of " + table.ref() + " has " + table.primaryKey().size() + " columns");
        }
    }

    private static TableColumn column(TableDescription table, String name) {
        return table.column(name).orElseThrow(() -> new TableProblem(table.ref() + " has no column " + name + "."));
    }

    private static void value(BoundSql sql, String value, TableColumn column) {
        if (value == null || value.isEmpty()) {
            sql.sql("NULL");
        } else {
            sql.value(value, column.type());
        }
    }

    private static void where(BoundSql sql, TableDescription table, List<String> key) {
        sql.sql(" WHERE ");
        List<String> columns = table.primaryKey();
        for (int i = 0; i < columns.size(); i++) {
            TableColumn column = column(table, columns.get(i));
            sql.sql(i == 0 ? "" : " AND ").sql(Identifiers.quote(column.name()) + " = ").value(key.get(i), column.type());
        }
    }

    private static void returning(BoundSql sql, TableDescription table) {
        sql.sql(" RETURNING " + String.join(", ", table.columns().stream()
                .map(c -> Identifiers.quote(c.name()) + "::text").toList()));
    }

    /**
     * Runs the edit in a transaction. An UPDATE or DELETE goes by executeUpdate, so the log shows
     * its row count (1: the key named one row); the updated row is then read back by its key. An
     * INSERT returns its row (RETURNING) for the key the database made.
     *
     * @param key    the row's key afterwards (null for an INSERT: it comes back from RETURNING)
     * @param before the row's key before (null for an INSERT)
     * @param read   the values the user read of the changed columns (an UPDATE's check)
     */
    private RowEdit run(TableDescription table, BoundSql sql, RowChange.Kind kind, Map<String, String> values, String done,
                        List<String> key, List<String> before, Map<String, String> read) {
        long mark = log.position().cursor();
        List<String> row = null;
        try (Connection connection = dataSource.get().getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (kind == RowChange.Kind.INSERTED) {
                    row = returnedRow(table, sql, connection);
                } else if (update(sql, connection) == 0) {
                    List<String> now = rowByKey(table, before, connection);
                    connection.rollback();
                    if (now != null) {
                        return kind == RowChange.Kind.DELETED ? changedBeforeDelete(table, read, now, mark)
                                : changedMeanwhile(table, values, read, now, mark);
                    }
                    return new RowEdit(RowEdit.Kind.GONE, "The row is not there any more (deleted, or its key changed "
                            + "meanwhile): nothing was written.", null, null, statementsSince(mark), null);
                } else if (kind == RowChange.Kind.UPDATED) {
                    row = rowByKey(table, key, connection);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                return failed(table, e, values, mark);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new TableProblem("Could not write to " + table.ref() + ": " + e.getMessage());
        }
        List<String> after = row == null ? key : keyOf(table, row);
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < after.size(); i++) {
            named.put(table.primaryKey().get(i), after.get(i));
        }
        changes.publish(new RowChange(table.ref().schema(), table.ref().name(), kind, named));
        boolean deleted = kind == RowChange.Kind.DELETED;
        return new RowEdit(RowEdit.Kind.DONE, done, deleted ? null : row, deleted ? null : after, statementsSince(mark), null);
    }

    /** The row with this key as text, in column order, or null when there is none. */
    private static List<String> rowByKey(TableDescription table, List<String> key, Connection connection) throws SQLException {
        BoundSql read = new BoundSql().sql("SELECT " + String.join(", ", table.columns().stream()
                .map(c -> Identifiers.quote(c.name()) + "::text").toList()) + " FROM " + table.ref().quoted());
        where(read, table, key);
        return returnedRow(table, read, connection);
    }

    /** The optimistic check refused: the row is there, but a column the user changed no longer holds what they read. */
    private RowEdit changedMeanwhile(TableDescription table, Map<String, String> yours, Map<String, String> read,
                                     List<String> now, long mark) {
        List<String> differences = new ArrayList<>();
        for (String name : yours.keySet()) {
            String theirs = now.get(table.columnNames().indexOf(name));
            if (!java.util.Objects.equals(theirs, read.get(name))) {
                differences.add(name + " is now " + shown(theirs) + " (you read " + shown(read.get(name)) + ", you typed "
                        + shown(yours.get(name)) + ")");
            }
        }
        return new RowEdit(RowEdit.Kind.CHANGED, "Changed by someone else since you read it: " + String.join("; ", differences)
                + ". Nothing was written, and your values are still in the form. Reload to see the row as it is now, "
                + "then save again if you still want your change.", now, null, statementsSince(mark), null);
    }

    /** The optimistic DELETE matched nothing, but the row is there: a column no longer holds what the user read. */
    private RowEdit changedBeforeDelete(TableDescription table, Map<String, String> read, List<String> now, long mark) {
        List<String> differences = new ArrayList<>();
        for (var value : read.entrySet()) {
            String theirs = now.get(table.columnNames().indexOf(value.getKey()));
            String was = value.getValue();
            if (theirs != null && was != null && was.length() == TableRows.CELL_LIMIT + 1 && theirs.length() > was.length()) {
                theirs = theirs.substring(0, was.length()); // the grid read it cut
            }
            if (!java.util.Objects.equals(theirs, was)) {
                differences.add(value.getKey() + " is now " + shown(theirs) + " (you read " + shown(was) + ")");
            }
        }
        return new RowEdit(RowEdit.Kind.CHANGED, "Changed by someone else since you read it: " + String.join("; ", differences)
                + ". Nothing was deleted. Reload to see the row as it is now, then delete it again if you still want to.",
                now, null, statementsSince(mark), null);
    }

    private static String shown(String value) {
        return value == null ? "NULL" : value.isEmpty() ? "empty" : "'" + value + "'";
    }

    private static int update(BoundSql sql, Connection connection) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection)) {
            return statement.executeUpdate();
        }
    }

    private static List<String> returnedRow(TableDescription table, BoundSql sql, Connection connection) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                return null;
            }
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= table.columns().size(); i++) {
                row.add(result.getString(i));
            }
            return row;
        }
    }

    private static List<String> keyOf(TableDescription table, List<String> row) {
        List<String> key = new ArrayList<>();
        for (String column : table.primaryKey()) {
            key.add(row.get(table.columnNames().indexOf(column)));
        }
        return key;
    }

    private RowEdit failed(TableDescription table, SQLException e, Map<String, String> values, long mark) {
        DatabaseRefusal refusal = DatabaseRefusal.of(e, table.ref(), values);
        if (refusal != null) {
            return new RowEdit(RowEdit.Kind.REFUSED, refusal.message(), null, null, statementsSince(mark), refusal);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
            String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return new RowEdit(RowEdit.Kind.INVALID, "A value does not fit its column (" + first.replaceFirst("^ERROR: ", "")
                    + "). Nothing was saved: the transaction was rolled back.", null, null, statementsSince(mark), null);
        }
        throw new TableProblem("PostgreSQL refused the edit of " + table.ref() + ": "
                + (e.getMessage() == null ? e.getSQLState() : e.getMessage().lines().findFirst().orElse("")));
    }

    private List<CapturedStatement> statementsSince(long mark) {
        String thread = Thread.currentThread().getName();
        return log.readFrom(mark).statements().stream().filter(s -> s.thread().equals(thread)).toList();
    }
}
