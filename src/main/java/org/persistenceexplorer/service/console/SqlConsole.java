package org.persistenceexplorer.service.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.console.Column;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.NamedParameters;
import org.persistenceexplorer.domain.console.PlanNode;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.domain.statement.ExplainSyntax;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.WorkContext;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The console's SQL mode: runs one statement at a time on the app's captured pool (so it is in
 * the statement log), each in a transaction of its own that is committed when it succeeds and
 * rolled back when it fails. Rows come a page at a time through a server-side cursor; the
 * cursor stays open for {@link #fetchMore()} until the end, the memory cap, the next run or
 * {@link #close()}, and while none is open no connection is held. EXPLAIN becomes a plan tree;
 * EXPLAIN ANALYZE of a write runs in a transaction that is always rolled back.
 *
 * <p>Blocking; call off the FX thread, one call at a time (the console's lane). Cancelling the
 * calling work stops the running statement on the server (the capture layer's cancel hooks).
 */
public final class SqlConsole implements AutoCloseable {

    public static final int PAGE_ROWS = 500;
    /** The most result text the console keeps (all pages together) before it stops fetching. */
    public static final long MEMORY_CAP_BYTES = 64L << 20;
    /** Longer values are cut for display (and the cap counts only what is kept). */
    public static final int CELL_CHARS = 10_000;

    private final Supplier<DataSource> dataSource;
    private final int pageRows;
    private final long memoryCapBytes;
    private OpenCursor cursor;
    private final Supplier<String> readOnlyReason;
    private final ConsoleCatalog catalog;

    public SqlConsole(Supplier<DataSource> dataSource) {
        this(dataSource, PAGE_ROWS, MEMORY_CAP_BYTES);
    }

    /**
     * @param readOnlyReason why the server refuses writes from the app, in words (an external
     *                       profile not unlocked, a replica), or null when it takes them
     */
    public SqlConsole(Supplier<DataSource> dataSource, Supplier<String> readOnlyReason) {
        this(dataSource, PAGE_ROWS, MEMORY_CAP_BYTES, readOnlyReason);
    }

    public SqlConsole(Supplier<DataSource> dataSource, int pageRows, long memoryCapBytes) {
        this(dataSource, pageRows, memoryCapBytes, () -> null);
    }

    private SqlConsole(Supplier<DataSource> dataSource, int pageRows, long memoryCapBytes, Supplier<String> readOnlyReason) {
        this.dataSource = dataSource;
        this.pageRows = pageRows;
        this.memoryCapBytes = memoryCapBytes;
        this.readOnlyReason = readOnlyReason;
        this.catalog = new ConsoleCatalog(dataSource);
    }

    /** The names the editor completes, read from the same server and refreshed after DDL run here. */
    public ConsoleCatalog catalog() {
        return catalog;
    }

    /**
     * Runs one statement (an EXPLAIN without FORMAT becomes a plan tree). Closes the cursor of
     * the previous run first.
     */
    public synchronized ConsoleRun run(ScriptPiece piece, RunSettings settings) throws ConsoleFailure {
        close();
        ExplainSyntax explain = ExplainSyntax.of(piece.text());
        if (explain != null && !explain.hasOption("FORMAT")) {
            return explain(new ScriptPiece(piece.text().substring(explain.statementStart()),
                    piece.start() + explain.statementStart()), explain.analyze(), settings);
        }
        Guards.refuseSessionChanges(piece);
        Guards.confirmWrite(piece, settings);
        if (StatementKind.ofSql(piece.text()) == StatementKind.DDL) {
            catalog.invalidate(); // completion reads the new names next time (also when it fails: cheap)
        }
        long started = System.nanoTime();
        NamedParameters.Jdbc jdbc = NamedParameters.toJdbc(piece.text());
        Connection c = null;
        Statement statement = null;
        boolean keepOpen = false;
        try {
            c = dataSource.get().getConnection();
            c.setAutoCommit(false);
            c.setReadOnly(settings.readOnly() && !settings.writeConfirmed());
            statement = prepare(c, jdbc, settings);
            boolean rows = statement instanceof PreparedStatement prepared ? prepared.execute() : statement.execute(jdbc.sql());
            List<ConsoleResult> results = new ArrayList<>();
            while (true) {
                if (rows) {
                    OpenCursor open = new OpenCursor(c, statement, statement.getResultSet(), "Result " + (results.size() + 1));
                    ConsoleResult.Rows page = open.nextPage();
                    results.add(page);
                    if (page.more()) {
                        cursor = open;
                        keepOpen = true;
                        break;
                    }
                    open.rows.close();
                } else {
                    long count = statement.getLargeUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    results.add(updated(piece.text(), count, results.size() + 1));
                }
                rows = statement.getMoreResults();
            }
            if (!keepOpen) {
                c.commit();
            }
            return new ConsoleRun(piece.text(), results, System.nanoTime() - started);
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failure(e, piece, jdbc, settings);
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            if (!keepOpen) {
                closeQuietly(statement, c);
            }
        }
    }

    /**
     * The plan of one statement as a tree. With {@code analyze} the statement really runs, in a
     * transaction that is rolled back afterwards whatever it did.
     */
    public synchronized ConsoleRun explain(ScriptPiece piece, boolean analyze, RunSettings settings) throws ConsoleFailure {
        close();
        StatementKind kind = StatementKind.ofSql(piece.text());
        if (analyze) {
            Guards.confirmWrite(piece, settings);
        }
        String head = analyze ? "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " : "EXPLAIN (FORMAT JSON) ";
        ScriptPiece sent = new ScriptPiece(head + piece.text(), piece.start() - head.length());
        NamedParameters.Jdbc jdbc = NamedParameters.toJdbc(sent.text());
        long started = System.nanoTime();
        Connection c = null;
        Statement statement = null;
        try {
            c = dataSource.get().getConnection();
            c.setAutoCommit(false);
            c.setReadOnly(settings.readOnly() && !settings.writeConfirmed());
            statement = prepare(c, jdbc, settings);
            String json;
            try (ResultSet rs = statement instanceof PreparedStatement prepared ? prepared.executeQuery()
                    : statement.executeQuery(jdbc.sql())) {
                StringBuilder text = new StringBuilder();
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
                json = text.toString();
            }
            c.rollback();
            PlanNode root = PostgresPlans.parse(json);
            double[] times = PostgresPlans.times(json);
            return new ConsoleRun(piece.text(), List.of(new ConsoleResult.Plan(analyze ? "EXPLAIN ANALYZE" : "EXPLAIN",
                    root, PlanNotes.of(root, analyze, kind, times))), System.nanoTime() - started);
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failure(e, sent, jdbc, settings);
        } finally {
            closeQuietly(statement, c);
        }
    }

    /** The next page of the open cursor; an empty, finished page when none is open. */
    public synchronized ConsoleResult.Rows fetchMore() throws ConsoleFailure {
        OpenCursor open = cursor;
        if (open == null) {
            return new ConsoleResult.Rows("", List.of(), List.of(), false, "");
        }
        try {
            ConsoleResult.Rows page = open.nextPage();
            if (!page.more()) {
                close();
            }
            return page;
        } catch (SQLException e) {
            close();
            throw new ConsoleFailure(ConsoleFailure.Reason.ERROR, "Fetching more rows failed: " + Guards.firstLine(e),
                    -1, e.getSQLState(), e);
        }
    }

    /** True while rows of the last run wait to be fetched (a connection and transaction are held). */
    public synchronized boolean hasOpenCursor() {
        return cursor != null;
    }

    /** Ends the open cursor, if any: commits its transaction and gives the connection back. Idempotent. */
    @Override
    public synchronized void close() {
        OpenCursor open = cursor;
        cursor = null;
        if (open != null) {
            try {
                open.rows.close();
                open.connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(open.connection);
            } finally {
                closeQuietly(open.statement, open.connection);
            }
        }
    }

    private Statement prepare(Connection c, NamedParameters.Jdbc jdbc, RunSettings settings) throws SQLException, ConsoleFailure {
        Statement statement;
        if (jdbc.names().isEmpty()) {
            statement = c.createStatement();
        } else {
            PreparedStatement prepared = c.prepareStatement(jdbc.sql());
            for (int i = 0; i < jdbc.names().size(); i++) {
                String name = jdbc.names().get(i);
                if (!settings.parameters().containsKey(name)) {
                    prepared.close();
                    throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "The statement uses :" + name
                            + " but the parameters panel has no value for it.", -1, "", null);
                }
                // Types.OTHER: the server infers the type from where the value is used, as for a literal.
                prepared.setObject(i + 1, settings.parameters().get(name), Types.OTHER);
            }
            statement = prepared;
        }
        // One row more than a page: a page then costs one round trip, its last next() (which says
        // whether there is more) finding the extra row already fetched instead of fetching the next page.
        statement.setFetchSize(pageRows + 1);
        if (settings.timeoutSeconds() > 0) {
            statement.setQueryTimeout(settings.timeoutSeconds());
        }
        return statement;
    }

    /**
     * The column's JDBC type in words. Not getColumnTypeName: pgjdbc then asks the server whether
     * the column is a serial with a catalog query of its own that bypasses the capture (the
     * server would count statements the log does not show).
     */
    private static String typeName(int jdbcType) {
        return TYPE_NAMES.getOrDefault(jdbcType, "other");
    }

    /** JDBC's type names by number, lower-cased once (JDBCType.valueOf copies the enum's values on every call). */
    private static final java.util.Map<Integer, String> TYPE_NAMES = java.util.Arrays.stream(java.sql.JDBCType.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(java.sql.JDBCType::getVendorTypeNumber,
                    type -> type.getName().toLowerCase(Locale.ROOT)));

    private static ConsoleResult.Updated updated(String sql, long count, int number) {
        StatementKind kind = StatementKind.ofSql(sql);
        String verb = kind == StatementKind.DDL || kind == StatementKind.OTHER ? firstWords(sql) : kind.label();
        return new ConsoleResult.Updated("Result " + number, verb, count);
    }

    private static String firstWords(String sql) {
        String[] words = sql.strip().split("\\s+", 3);
        return (words.length >= 2 ? words[0] + " " + words[1] : words[0]).toUpperCase(Locale.ROOT);
    }

    private ConsoleFailure failure(SQLException e, ScriptPiece piece, NamedParameters.Jdbc jdbc, RunSettings settings) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014")) {
            return WorkContext.cancelled()
                    ? new ConsoleFailure(ConsoleFailure.Reason.CANCELLED, "Cancelled: the statement was stopped on the server.",
                            -1, state, e)
                    : new ConsoleFailure(ConsoleFailure.Reason.TIMEOUT, "Stopped on the server: it ran longer than the "
                            + "time limit of " + settings.timeoutSeconds() + " s.", -1, state, e);
        }
        String readOnly = readOnlyReason.get();
        if (state.equals("25006") && readOnly != null) {
            // The server's "cannot execute UPDATE in a read-only transaction" says what, not why.
            return new ConsoleFailure(ConsoleFailure.Reason.ERROR, "Not written: " + readOnly
                    + "\n(The server said: " + Guards.firstLine(e) + "; SQLState 25006)", -1, state, e);
        }
        if (state.startsWith("08")) {
            return new ConsoleFailure(ConsoleFailure.Reason.ERROR, "The connection to PostgreSQL was lost ("
                    + Guards.firstLine(e) + "). The app reconnects by itself; run the statement again in a moment.",
                    -1, state, e);
        }
        PSQLException server = Guards.causeOf(e, PSQLException.class);
        ServerErrorMessage message = server == null ? null : server.getServerErrorMessage();
        if (message == null) {
            return new ConsoleFailure(ConsoleFailure.Reason.ERROR, Guards.firstLine(e), -1, state, e);
        }
        StringBuilder text = new StringBuilder(message.getMessage() == null ? Guards.firstLine(e) : message.getMessage());
        if (message.getDetail() != null) {
            text.append("\nDetail: ").append(message.getDetail());
        }
        if (message.getHint() != null) {
            text.append("\nHint: ").append(message.getHint());
        }
        text.append("\n(SQLState ").append(state).append(')');
        int offset = message.getPosition() > 0 ? piece.scriptOffset(jdbc.originalPosition(message.getPosition())) : -1;
        return new ConsoleFailure(ConsoleFailure.Reason.ERROR, text.toString(), offset, state, e);
    }

    private static void rollbackQuietly(Connection c) {
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the pool drops it
            }
        }
    }

    private static void closeQuietly(Statement statement, Connection c) {
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // closing the connection below ends it anyway
        }
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // a broken connection; the pool drops it
        }
    }

    /** A result set being read a page at a time, with what it holds so far. */
    private final class OpenCursor {
        final Connection connection;
        final Statement statement;
        final ResultSet rows;
        final String title;
        final List<Column> columns;
        boolean next;
        long heldBytes;
        long heldRows;

        OpenCursor(Connection connection, Statement statement, ResultSet rows, String title) throws SQLException {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.title = title;
            ResultSetMetaData meta = rows.getMetaData();
            List<Column> cols = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                cols.add(new Column(meta.getColumnLabel(i), typeName(meta.getColumnType(i))));
            }
            this.columns = List.copyOf(cols);
            this.next = rows.next();
        }

        ConsoleResult.Rows nextPage() throws SQLException {
            List<List<String>> page = new ArrayList<>(Math.min(pageRows, 1024));
            int width = columns.size();
            while (next && page.size() < pageRows) {
                String[] row = new String[width];
                long bytes = 16L + 8L * width;
                for (int i = 0; i < width; i++) {
                    String value = rows.getString(i + 1);
                    if (value != null && value.length() > CELL_CHARS) {
                        value = value.substring(0, CELL_CHARS) + "… (" + value.length() + " characters)";
                    }
                    bytes += value == null ? 0 : 40L + value.length() * 2L;
                    row[i] = value;
                }
                page.add(new RowCells(row));
                heldBytes += bytes;
                heldRows++;
                if (heldBytes > memoryCapBytes) {
                    return new ConsoleResult.Rows(title, columns, page, false, "Stopped after " + heldRows
                            + " rows: the console keeps at most " + (memoryCapBytes >> 20) + " MB of results. "
                            + "Add a WHERE or LIMIT to see what you are after.");
                }
                next = rows.next();
            }
            return new ConsoleResult.Rows(title, columns, page, next, "");
        }
    }
}
