package org.persistenceexplorer.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import org.postgresql.PGConnection;

/**
 * What the application gets for each result set of the captured pool: {@code next()} counts a
 * row (and the time a cursor fetch takes), its end, a failure or {@code close()} completes the
 * statement's record. Rows are what {@code next()} moved to; a scrollable result moved with
 * {@code absolute()} / {@code last()} counts what {@code next()} saw. Every other call goes
 * straight to pgjdbc's result set as a plain method call ({@link ForwardingResultSet}), without
 * datasource-proxy's listeners or reflection: a 500-row page makes thousands of them.
 * Made by {@link CapturedProxies} in place of datasource-proxy's JDK proxy; like that proxy it is
 * a {@link ProxyJdbcObject} whose target is pgjdbc's result set.
 * Confined to the thread that reads the result set, like the result set itself.
 */
final class CountedResultSet extends ForwardingResultSet implements ProxyJdbcObject {

    private final ProxyConfig proxyConfig;
    private final ResultReads.Read read;
    private int fetchSize = -1; // read on the first next()

    CountedResultSet(ResultSet resultSet, ProxyConfig proxyConfig, ResultReads.Read read) {
        super(resultSet);
        this.proxyConfig = proxyConfig;
        this.read = read;
    }

    @Override
    public boolean next() throws SQLException {
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
        } catch (SQLException | RuntimeException | Error failed) {
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

    @Override
    public void close() throws SQLException {
        try {
            resultSet.close();
        } finally {
            read.finish(null);
        }
    }

    /** pgjdbc's metadata, marked so that the column lookup it may run is recorded ({@link DriverLookups}). */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        ResultSetMetaData metadata = resultSet.getMetaData();
        return metadata == null ? null : DriverLookups.marked(metadata);
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

    // ---- what datasource-proxy's JDK proxy answered for itself

    @Override
    public Object getTarget() {
        return resultSet;
    }

    @Override
    public ProxyConfig getProxyConfig() {
        return proxyConfig;
    }

    @Override
    public boolean equals(Object other) {
        return resultSet.equals(other) || other instanceof ProxyJdbcObject proxy && resultSet.equals(proxy.getTarget());
    }

    @Override
    public int hashCode() {
        return resultSet.hashCode();
    }

    @Override
    public String toString() {
        return resultSet.getClass().getSimpleName() + " [" + resultSet + "]";
    }
}
