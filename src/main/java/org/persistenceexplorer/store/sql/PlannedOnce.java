package org.persistenceexplorer.store.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.postgresql.PGStatement;

/**
 * A DataSource over the captured pool whose prepared queries (SELECT, INSERT, UPDATE, DELETE,
 * WITH, VALUES, MERGE) become named server-side statements after pgjdbc's usual 5 runs, so the
 * server parses and plans them once per connection instead of on every run. Utility statements
 * (COMMIT, SET ROLE, DDL) keep the pool's {@code prepareThreshold=0}: pg_stat_statements counts
 * every run of a named plannable statement but only the first of a named utility statement, so
 * the counts stay exact (decision 0003).
 *
 * <p>Flyway runs the same few history-table queries for every script; on a track of 1,000 scripts
 * the parse per run was the larger part of what the app took over Flyway alone
 * (docs/BENCHMARKS.md). Only for statements whose result shape cannot change under them
 * (Flyway's own history table): a named {@code SELECT *} would fail once its table changed.
 */
final class PlannedOnce {

    /** pgjdbc's default threshold: the sixth run of the same text on a connection is a named statement. */
    static final int THRESHOLD = 5;
    private static final Set<String> PLANNABLE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES", "MERGE");

    private PlannedOnce() {
    }

    static DataSource over(DataSource pool) {
        return proxy(DataSource.class, pool, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c && method.getName().equals("getConnection") ? connection(c) : result;
        });
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
                    && args != null && args[0] instanceof String sql && plannable(sql)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(THRESHOLD);
            }
            return result;
        });
    }

    /** Whether the statement's first keyword (after comments and parentheses) names a plannable query. */
    static boolean plannable(String sql) {
        return PLANNABLE.contains(StatementKind.firstKeyword(sql));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(PlannedOnce.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    @FunctionalInterface
    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    /** For tests: the threshold pgjdbc will use for this statement. */
    static int thresholdOf(PreparedStatement statement) throws SQLException {
        return statement.unwrap(PGStatement.class).getPrepareThreshold();
    }
}
