package org.persistenceexplorer.service.engine;

import javax.sql.DataSource;
import org.persistenceexplorer.store.sql.SqlDatabase;

/**
 * A small captured connection pool of its own on the app's PostgreSQL, for a feature that holds
 * connections on purpose (the transactions lab's sessions and its pool-exhaustion lesson): every
 * statement is still in the log, and holding all of them never starves the app's own pool.
 * Made by {@link SqlEngine#openSidePool}. Thread-safe; close it when its owner closes.
 */
public final class SidePool implements AutoCloseable {

    private final SqlDatabase database;
    private final DataSource dataSource;

    SidePool(SqlDatabase database, DataSource dataSource) {
        this.database = database;
        this.dataSource = dataSource;
    }

    /** Built around a pool opened elsewhere (tests open one on their own server). */
    public SidePool(SqlDatabase database) {
        this(database, database.dataSource());
    }

    /** The captured DataSource; waits at most the pool's timeout for a free connection. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Active, idle, waiting, total and max connections right now (no statement sent). */
    public PoolStatus status() {
        SqlDatabase.PoolSnapshot s = database.poolSnapshot();
        return new PoolStatus(s.active(), s.idle(), s.waiting(), s.total(), s.max());
    }

    /** Closes every connection of the pool (one still lent out is closed when returned). Idempotent. */
    @Override
    public void close() {
        database.close();
    }
}
