package org.persistenceexplorer.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Turns what datasource-proxy sees on each physical PostgreSQL connection into captured
 * statements, one record per statement the server executes (a JDBC batch is one record of N).
 * It sits beneath the Hikari pool, so it also sees what the pool itself does (the rollback of a
 * connection returned dirty). Besides the statements the application runs, it records what the
 * driver sends on its own behalf ({@link DriverStatements}), in the words it sends it, and the
 * {@code BEGIN} (or {@code BEGIN READ ONLY}) pgjdbc puts ahead of the first statement of a
 * transaction: recorded when the transaction state shows the driver did send it, not predicted.
 * A string of several statements is split as pgjdbc splits it ({@link SentStatements}); what the
 * server never runs (an empty statement, an empty batch) is not recorded; a failed batch counts
 * the rows the server executed before the failing one. Whether a statement succeeded is what the
 * server did: {@code executeQuery("UPDATE ...")} ran and committed even though JDBC complains.
 * While a statement runs, a {@link QueryStopper} is registered with the current work, so a cancel
 * at any moment stops it on the server; a statement that cancelled work tries to start is
 * refused before it is sent. When the listener itself cannot tell what happened it records an
 * error row rather than nothing, so the counts never drift in silence.
 * Thread-safe: listeners run on the thread that uses the connection.
 */
final class SqlCaptureListener implements QueryExecutionListener, MethodExecutionListener {

    private static final String STARTED = "pe.started";
    private static final String STOPPER = "pe.stopper";
    private static final String BEGIN = "pe.begin";
    private static final String DRIVER_SENDS = "pe.sends";
    private static final String SAMPLED = "pe.sampled";
    private static final int MAX_PARAMETER_LENGTH = 64 * 1024; // full values for the log's detail pane, still bounded
    /** PostgreSQL's SQLState for a cancelled statement. */
    static final String QUERY_CANCELED = "57014";
    private static final Comparator<ParameterSetOperation> PARAMETER_INDEX_ORDER =
            Comparator.comparingInt(op -> op.getArgs()[0] instanceof Integer index ? index : Integer.MAX_VALUE);

    /**
     * Runs after the cancel check and before the statement is handed to the driver: the worst
     * moment for a cancel to land. Tests set it to cancel there; null in the product.
     */
    static volatile Runnable beforeSend;

    private final StatementRecorder recorder;
    private final DriverStatements driver = new DriverStatements();
    private final ResultReads reads;

    SqlCaptureListener(StatementRecorder recorder) {
        this.recorder = recorder;
        this.reads = new ResultReads(recorder);
    }

    /** Wraps the result sets this listener's statements return, to count their rows (datasource-proxy's factory). */
    ResultReads resultReads() {
        return reads;
    }

    // ---- statements the application runs

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        boolean sampled = recorder.cost().sample();
        long cpu = sampled ? recorder.cost().start() : 0;
        BaseConnection connection = physical(execInfo.getStatement());
        QueryStopper.Armed armed;
        try {
            // Refuses a statement that cancelled work starts, as the graph gateway does.
            armed = QueryStopper.arm(connection);
        } catch (SQLException refused) {
            throwUnchecked(refused);
            return;
        }
        QueryStopper stopper = armed.stopper();
        CancelHooks.Registration registration = armed.registration();
        Runnable hook = beforeSend;
        if (hook != null) {
            hook.run();
        }
        // Running a statement again closes the result it returned last time: that reading is over.
        reads.statementDone(execInfo.getStatement());
        execInfo.addCustomValue(BEGIN, TransactionStart.before(connection));
        execInfo.addCustomValue(STOPPER, new Stop(registration, stopper));
        execInfo.addCustomValue(STARTED, System.nanoTime());
        recorder.sending();
        if (sampled) {
            execInfo.addCustomValue(SAMPLED, Boolean.TRUE);
            recorder.cost().add(cpu);
        }
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        long duration = System.nanoTime() - execInfo.getCustomValue(STARTED, Long.class);
        boolean sampled = execInfo.getCustomValue(SAMPLED, Boolean.class) != null;
        long cpu = sampled ? recorder.cost().start() : 0;
        Stop stop = execInfo.getCustomValue(STOPPER, Stop.class);
        if (stop != null) {
            stop.close();
        }
        try {
            Outcome outcome = Outcome.of(execInfo.isSuccess() ? null : execInfo.getThrowable());
            TransactionStart begin = execInfo.getCustomValue(BEGIN, TransactionStart.class);
            if (begin != null && begin.wasSent(physical(execInfo.getStatement()), outcome.ranOnServer())) {
                recorder.record(Engine.POSTGRESQL, StatementKind.TX, begin.text(), List.of(), 0, -1, 1, null);
            }
            recordQueries(execInfo, queryInfoList, outcome, duration);
        } catch (RuntimeException e) {
            recordCaptureFailure(queryInfoList.isEmpty() ? "(statement)" : queryInfoList.get(0).getQuery(), duration, e);
        } finally {
            recorder.sent();
            if (sampled) {
                recorder.cost().add(cpu);
                recorder.cost().counted();
            }
        }
    }

    private void recordQueries(ExecutionInfo execInfo, List<QueryInfo> queryInfoList, Outcome outcome, long duration) {
        boolean single = queryInfoList.size() == 1;
        long share = single ? duration : duration / Math.max(1, queryInfoList.size());
        int batchEntry = 0;
        for (QueryInfo query : queryInfoList) {
            List<List<ParameterSetOperation>> parameterSets = query.getParametersList();
            List<String> parameters = displayParameters(parameterSets);
            if (execInfo.isBatch()) {
                int rows = parameterSets.isEmpty() ? 1 : parameterSets.size();
                // A Statement batch has one QueryInfo per entry, a PreparedStatement batch one with N parameter sets.
                SentStatements.recordBatchEntries(recorder, query.getQuery(), parameters, share, rows, batchEntry,
                        outcome, execInfo.getResult(), execInfo.getThrowable());
                batchEntry += rows;
            } else {
                long rows = single ? rowsOf(execInfo.getResult()) : -1;
                CapturedStatement recorded = SentStatements.record(recorder, query.getQuery(), parameters, share, rows, outcome);
                ResultSet result = single && recorded != null && recorded.succeeded() ? resultSetOf(execInfo) : null;
                if (result != null) {
                    reads.follow(execInfo.getStatement(), result, recorded);
                }
            }
        }
    }

    private void recordCaptureFailure(String sql, long duration, RuntimeException e) {
        recorder.record(Engine.POSTGRESQL, StatementKind.ofSql(sql), sql, List.of(), duration, -1, 1,
                "The statement log could not tell what happened: " + describe(e));
    }

    /**
     * The result set (pgjdbc's own, beneath datasource-proxy's wrapper) a statement returned:
     * executeQuery's, or execute()'s first result when it is one; null for an update count.
     */
    private static ResultSet resultSetOf(ExecutionInfo execInfo) {
        Object result = execInfo.getResult();
        try {
            if (result instanceof ResultSet resultSet) {
                return result instanceof ProxyJdbcObject proxy ? (ResultSet) proxy.getTarget() : resultSet;
            }
            if (Boolean.TRUE.equals(result)) {
                return execInfo.getStatement().getResultSet();
            }
        } catch (SQLException | RuntimeException e) {
            return null; // the record keeps rows unknown
        }
        return null;
    }

    /** The physical pgjdbc connection beneath a statement, or null when it is closed or not pgjdbc. */
    private static BaseConnection physical(Statement statement) {
        try {
            Connection connection = statement.getConnection();
            return connection.isWrapperFor(BaseConnection.class) ? connection.unwrap(BaseConnection.class) : null;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    // ---- statements the driver sends for connection methods

    @Override
    public void beforeMethod(MethodExecutionContext context) {
        if (context.getTarget() instanceof Statement statement) {
            if ("close".equals(context.getMethod().getName())) {
                reads.statementDone(statement); // closing a statement closes its result: the reading is over
            }
            return;
        }
        if (!(context.getTarget() instanceof BaseConnection connection)) {
            return;
        }
        String sends;
        try {
            sends = driver.before(connection, context.getMethod(), context.getMethodArgs());
        } catch (SQLException | RuntimeException e) {
            return; // e.g. a released savepoint: the driver refuses the call before sending anything
        }
        if (sends != null) {
            context.addCustomValue(DRIVER_SENDS, sends);
            context.addCustomValue(BEGIN, TransactionStart.before(connection));
            context.addCustomValue(STARTED, System.nanoTime());
            recorder.sending();
        }
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        String before = context.getCustomValue(DRIVER_SENDS, String.class);
        if (before == null) {
            return;
        }
        long duration = System.nanoTime() - context.getCustomValue(STARTED, Long.class);
        BaseConnection connection = (BaseConnection) context.getTarget();
        Throwable thrown = context.getThrown();
        try {
            Outcome outcome = Outcome.of(thrown);
            String sends = driver.after(connection, context.getMethod(), before, context.getResult(), thrown);
            TransactionStart begin = context.getCustomValue(BEGIN, TransactionStart.class);
            // Only the state tells: most of these methods suppress the BEGIN (pgjdbc's QUERY_SUPPRESS_BEGIN).
            if (begin != null && begin.wasSent(connection, false)) {
                recorder.record(Engine.POSTGRESQL, StatementKind.TX, begin.text(), List.of(), 0, -1, 1, null);
            }
            if (outcome.reachedServer()) {
                recorder.record(Engine.POSTGRESQL, StatementKind.ofSql(sends), sends, List.of(), duration, -1, 1,
                        outcome.error());
            }
        } catch (RuntimeException e) {
            recordCaptureFailure(before, duration, e);
        } finally {
            recorder.sent();
        }
    }

    /**
     * Whether pgjdbc is about to open a transaction (auto-commit off, none open) and with which
     * words; after the statement, the transaction state says whether it did.
     */
    record TransactionStart(String text) {
        // package-private: the COPY capture (CapturedCopyManager) records its BEGIN the same way

        static TransactionStart before(BaseConnection connection) {
            try {
                if (connection == null || connection.getAutoCommit()
                        || connection.getTransactionState() != TransactionState.IDLE) {
                    return null;
                }
                return new TransactionStart(connection.hintReadOnly() ? "BEGIN READ ONLY" : "BEGIN");
            } catch (SQLException | RuntimeException e) {
                return null;
            }
        }

        /**
         * A transaction is open (or failed) now, or the statement ran and closed it again (a
         * COMMIT the application sent itself): the BEGIN went ahead. A statement refused by the
         * driver before sending (a parameter not set) leaves the state idle: no BEGIN.
         */
        boolean wasSent(BaseConnection connection, boolean statementRan) {
            if (statementRan) {
                return true;
            }
            try {
                return connection != null && connection.getTransactionState() != TransactionState.IDLE;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /** Closes the cancel registration and stops further cancel requests, once the statement is over. */
    private record Stop(CancelHooks.Registration registration, QueryStopper stopper) {
        void close() {
            registration.close();
            if (stopper != null) {
                stopper.finish();
            }
        }
    }

    // ---- helpers

    /** Lets the SQLException reach the JDBC caller through the proxy, which declares it. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void throwUnchecked(Throwable e) throws E {
        throw (E) e;
    }

    static long rowsOf(Object result) {
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

    static String describe(Throwable error) {
        if (error == null) {
            return "failed";
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
