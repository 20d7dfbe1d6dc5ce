package org.persistenceexplorer.store.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyLogicSupport;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogic;
import org.postgresql.PGConnection;

/**
 * The proxy behind each result set the application gets: {@code next()} counts a row (and the
 * time a cursor fetch takes), its end, a failure or {@code close()} completes the statement's
 * record. Rows are what {@code next()} moved to; a scrollable result moved with
 * {@code absolute()} / {@code last()} counts what {@code next()} saw. Every other call goes
 * straight to pgjdbc's result set, without datasource-proxy's method listeners (cheap per row).
 * Confined to the thread that reads the result set, like the result set itself.
 */
final class CountedResultSet extends ProxyLogicSupport implements ResultSetProxyLogic {

    private final ResultSet resultSet;
    private final ProxyConfig proxyConfig;
    private final ResultReads.Read read;
    private int fetchSize = -1; // read on the first next()

    CountedResultSet(ResultSet resultSet, ProxyConfig proxyConfig, ResultReads.Read read) {
        this.resultSet = resultSet;
        this.proxyConfig = proxyConfig;
        this.read = read;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        // The calls made for every row and column go straight to pgjdbc, without reflection:
        // a 500-row page makes thousands of them.
        if (args != null && args.length == 1 && args[0] instanceof Integer column) {
            switch (name) {
                case "getString":
                    return resultSet.getString(column);
                case "getObject":
                    return resultSet.getObject(column);
                case "getLong":
                    return resultSet.getLong(column);
                case "getInt":
                    return resultSet.getInt(column);
                default:
                    break;
            }
        }
        if ("wasNull".equals(name)) {
            return resultSet.wasNull();
        }
        if (isCommonMethod(name)) {
            return handleCommonMethod(name, resultSet, proxyConfig, args);
        }
        if ("next".equals(name)) {
            return next(method, args);
        }
        if ("getMetaData".equals(name)) {
            Object metadata = call(method, args);
            return metadata instanceof java.sql.ResultSetMetaData m ? DriverLookups.marked(m) : metadata;
        }
        if ("close".equals(name)) {
            try {
                return call(method, args);
            } finally {
                read.finish(null);
            }
        }
        return call(method, args);
    }

    private Object next(Method method, Object[] args) throws Throwable {
        // A next() past the rows fetched so far fetches the next batch from the cursor: a round
        // trip that can run long (the rows are computed then). The statement's stopper was
        // disarmed when executeQuery returned, so arm one for the fetch: the work's Cancel stops it.
        // Only such a fetch is timed: a next() within the rows already fetched is the driver
        // moving along its buffer (two clock reads per row were a tenth of a 500-row page's cost).
        boolean fetches = fetchesNow();
        QueryStopper.Armed armed = fetches ? QueryStopper.arm(physical()) : null;
        long started = fetches ? System.nanoTime() : 0;
        boolean more;
        try {
            more = resultSet.next();
        } catch (Throwable failed) {
            read.fetched(fetches ? System.nanoTime() - started : 0, false);
            read.failed(failed);
            throw failed;
        } finally {
            if (armed != null) {
                armed.disarm();
            }
        }
        read.fetched(fetches ? System.nanoTime() - started : 0, more);
        if (!more) {
            read.finish(null);
        }
        return more;
    }

    /**
     * True when this next() will fetch: a cursor read (fetch size set) whose rows read so far
     * fill whole batches. pgjdbc's first batch comes with the execute; each later one when next()
     * passes the last row fetched. May be true once more at the very end (no rows left): harmless.
     */
    private boolean fetchesNow() throws SQLException {
        if (fetchSize < 0) {
            fetchSize = resultSet.getType() == ResultSet.TYPE_FORWARD_ONLY ? resultSet.getFetchSize() : 0;
        }
        long rows = read.rows();
        return fetchSize > 0 && rows > 0 && rows % fetchSize == 0;
    }

    private PGConnection physical() {
        try {
            Statement statement = resultSet.getStatement();
            Connection connection = statement == null ? null : statement.getConnection();
            return connection != null && connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(resultSet, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    protected Object performProxyLogic(Object proxy, Method method, Object[] args, MethodExecutionContext context) {
        throw new UnsupportedOperationException("invoke() handles every call");
    }
}
