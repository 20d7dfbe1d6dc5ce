package org.persistenceexplorer.store.sql;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.capture.WorkContext;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Turns what datasource-proxy sees on each physical PostgreSQL connection into captured
 * statements. It sits beneath the Hikari pool, so it also sees what the pool itself does
 * (the rollback of a connection returned dirty). Besides the statements the application runs,
 * it records the statements the PostgreSQL driver sends on its own behalf, so the counts match
 * the server: the implicit {@code BEGIN} before the first statement of a transaction, and the
 * {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT} and session settings that connection
 * methods send. While a statement runs, {@code Statement.cancel()} is registered with the
 * current work so cancelling the work stops the query on the server.
 * Thread-safe: listeners run on the thread that uses the connection.
 */
final class SqlCaptureListener implements QueryExecutionListener, MethodExecutionListener {

    private static final String STARTED = "pe.started";
    private static final String CANCEL_REGISTRATION = "pe.cancel";
    private static final String DRIVER_SENDS = "pe.sends";
    private static final int MAX_PARAMETER_LENGTH = 64 * 1024; // full values for the log's detail pane, still bounded
    /** PostgreSQL's SQLState for a cancelled statement. */
    static final String QUERY_CANCELED = "57014";
    private static final Comparator<ParameterSetOperation> PARAMETER_INDEX_ORDER =
            Comparator.comparingInt(op -> op.getArgs()[0] instanceof Integer index ? index : Integer.MAX_VALUE);

    private final StatementRecorder recorder;

    SqlCaptureListener(StatementRecorder recorder) {
        this.recorder = recorder;
    }

    // ---- statements the application runs

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        Statement statement = execInfo.getStatement();
        CancelHooks.Registration registration = WorkContext.onCancel(() -> cancelQuietly(statement));
        if (WorkContext.cancelled()) {
            // Statement.cancel() does nothing before the statement is sent, so a statement that
            // cancelled work starts (or that was cancelled while registering) would run to its
            // end: refuse it, as the graph gateway does. Nothing reaches the server.
            registration.close();
            throwUnchecked(new SQLException("Cancelled before the statement was sent.", QUERY_CANCELED));
        }
        recordImplicitBegin(statement);
        execInfo.addCustomValue(CANCEL_REGISTRATION, registration);
        execInfo.addCustomValue(STARTED, System.nanoTime());
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        long started = execInfo.getCustomValue(STARTED, Long.class);
        long duration = System.nanoTime() - started;
        CancelHooks.Registration registration = execInfo.getCustomValue(CANCEL_REGISTRATION, CancelHooks.Registration.class);
        if (registration != null) {
            registration.close();
        }
        String error = execInfo.isSuccess() ? null : describe(execInfo.getThrowable());
        boolean single = queryInfoList.size() == 1;
        for (QueryInfo query : queryInfoList) {
            List<List<ParameterSetOperation>> parameterSets = query.getParametersList();
            int executions = execInfo.isBatch() && !parameterSets.isEmpty() ? parameterSets.size() : 1;
            long rows = single ? rowsOf(execInfo.getResult()) : -1;
            recorder.record(Engine.POSTGRESQL, StatementKind.ofSql(query.getQuery()), query.getQuery(),
                    displayParameters(parameterSets), single ? duration : duration / queryInfoList.size(),
                    rows, executions, error);
        }
    }

    /** pgjdbc sends BEGIN ahead of the first statement on a connection with auto-commit off. */
    private void recordImplicitBegin(Statement statement) {
        try {
            Connection connection = statement.getConnection();
            if (!connection.getAutoCommit() && transactionState(connection) == TransactionState.IDLE) {
                recorder.record(Engine.POSTGRESQL, StatementKind.TX, "BEGIN", List.of(), 0, -1, 1, null);
            }
        } catch (SQLException e) {
            // the connection is closed or broken: the statement itself will fail and be recorded
        }
    }

    // ---- statements the driver sends for connection methods

    @Override
    public void beforeMethod(MethodExecutionContext context) {
        if (!(context.getTarget() instanceof Connection connection)) {
            return;
        }
        String sends = driverStatementFor(connection, context.getMethod(), context.getMethodArgs());
        if (sends != null) {
            context.addCustomValue(DRIVER_SENDS, sends);
            context.addCustomValue(STARTED, System.nanoTime());
        }
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        String sends = context.getCustomValue(DRIVER_SENDS, String.class);
        if (sends == null) {
            return;
        }
        long duration = System.nanoTime() - context.getCustomValue(STARTED, Long.class);
        Throwable thrown = context.getThrown();
        recorder.record(Engine.POSTGRESQL, StatementKind.ofSql(sends), sends, List.of(), duration, -1, 1,
                thrown == null ? null : describe(thrown));
    }

    /**
     * The statement pgjdbc will send to the server for this connection method, or null when it
     * sends none. Mirrors pgjdbc 42.7: commit and rollback are sent only inside a transaction.
     */
    private static String driverStatementFor(Connection connection, Method method, Object[] args) {
        try {
            switch (method.getName()) {
                case "commit":
                    return inTransaction(connection) ? "COMMIT" : null;
                case "rollback":
                    if (args != null && args.length == 1 && args[0] instanceof Savepoint savepoint) {
                        return "ROLLBACK TO SAVEPOINT " + savepointName(savepoint);
                    }
                    return inTransaction(connection) ? "ROLLBACK" : null;
                case "setAutoCommit":
                    boolean turningOn = Boolean.TRUE.equals(args[0]) && !connection.getAutoCommit();
                    return turningOn && inTransaction(connection) ? "COMMIT" : null;
                case "setSavepoint":
                    return "SAVEPOINT";
                case "releaseSavepoint":
                    return "RELEASE SAVEPOINT";
                case "getTransactionIsolation":
                    return "SHOW TRANSACTION ISOLATION LEVEL";
                case "setTransactionIsolation":
                    return "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL";
                case "getSchema":
                    return "select current_schema()";
                case "setSchema":
                    return "SET SESSION search_path TO " + args[0];
                default:
                    return null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static boolean inTransaction(Connection connection) throws SQLException {
        return transactionState(connection) != TransactionState.IDLE;
    }

    private static TransactionState transactionState(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState();
    }

    private static String savepointName(Savepoint savepoint) {
        try {
            return savepoint.getSavepointName();
        } catch (SQLException e) {
            return "";
        }
    }

    // ---- helpers

    /** Lets the SQLException reach the JDBC caller through the proxy, which declares it. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void throwUnchecked(Throwable e) throws E {
        throw (E) e;
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // already finished or closed: nothing left to stop
        }
    }

    private static long rowsOf(Object result) {
        if (result instanceof Integer count) {
            return count;
        }
        if (result instanceof Long count) {
            return count;
        }
        if (result instanceof int[] counts) {
            long sum = 0;
            for (int c : counts) {
                if (c < 0) {
                    return -1;
                }
                sum += c;
            }
            return sum;
        }
        return -1;
    }

    /** One display line per parameter set (one set unless a batch), parameters in index order. */
    private static List<String> displayParameters(List<List<ParameterSetOperation>> parameterSets) {
        if (parameterSets.isEmpty()) {
            return List.of();
        }
        if (parameterSets.size() == 1) {
            return List.of(displayLine(parameterSets.get(0)));
        }
        List<String> shown = new ArrayList<>(parameterSets.size());
        for (List<ParameterSetOperation> set : parameterSets) {
            shown.add(displayLine(set));
        }
        return shown;
    }

    private static String displayLine(List<ParameterSetOperation> set) {
        List<ParameterSetOperation> ordered = set;
        if (set.size() > 1) {
            ordered = new ArrayList<>(set);
            ordered.sort(PARAMETER_INDEX_ORDER);
        }
        StringBuilder line = new StringBuilder();
        for (ParameterSetOperation op : ordered) {
            if (line.length() > 0) {
                line.append(", ");
            }
            Object[] args = op.getArgs();
            Object value = ParameterSetOperation.isSetNullParameterOperation(op) ? "NULL"
                    : args.length > 1 ? args[1] : null;
            line.append(args[0]).append('=').append(abbreviate(String.valueOf(value)));
        }
        return line.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= MAX_PARAMETER_LENGTH ? value : value.substring(0, MAX_PARAMETER_LENGTH - 3) + "...";
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "failed";
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
