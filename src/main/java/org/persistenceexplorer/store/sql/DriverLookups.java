package org.persistenceexplorer.store.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;

/**
 * pgjdbc's own lookups, recorded. They run on statements the driver makes on the physical
 * connection, past datasource-proxy:
 * <ul>
 * <li>{@code TypeInfoCache} asks about a type it does not know (an enum, a composite: behind
 * {@code ResultSetMetaData.getColumnType} and {@code getColumnTypeName}, {@code getObject} and
 * Hibernate's native queries) with a prepared statement it runs through
 * {@code BaseStatement.executeWithFlags};</li>
 * <li>{@code ResultSetMetaData} reads the columns' table facts (nullable, serial, base names) with
 * a plain statement of its own, the first time one of them is asked.</li>
 * </ul>
 * Those statements are handed out as a proxy of every interface of pgjdbc's statement (so the
 * driver's cast to {@code BaseStatement} still works) that records each execution: one SELECT
 * per lookup, as the server counts it. Used on the thread that runs the lookup.
 */
final class DriverLookups {

    private static final String TYPE_INFO_CACHE = "org.postgresql.jdbc.TypeInfoCache";
    /** True while the application's call on a result set's metadata runs on this thread. */
    private static final ThreadLocal<Boolean> IN_METADATA = new ThreadLocal<>();

    private DriverLookups() {
    }

    /** True when pgjdbc's type cache is preparing {@code sql} for a lookup of its own. */
    static boolean isTypeLookup(String sql) {
        // Cheap test first: every lookup of TypeInfoCache reads pg_type; then who is asking.
        return sql != null && sql.contains("pg_type") && StackWalker.getInstance()
                .walk(frames -> frames.limit(12).anyMatch(f -> TYPE_INFO_CACHE.equals(f.getClassName())));
    }

    /** True when a statement created now is the metadata's own column lookup. */
    static boolean inMetadataCall() {
        return IN_METADATA.get() != null;
    }

    /** The prepared statement, recording every execution of it. */
    static PreparedStatement recorded(PreparedStatement statement, String sql, StatementRecorder recorder) {
        return (PreparedStatement) proxy(statement, new Recording(statement, sql.strip(), recorder));
    }

    /** The plain statement, recording every query it runs. */
    static Statement recorded(Statement statement, StatementRecorder recorder) {
        return (Statement) proxy(statement, new Recording(statement, null, recorder));
    }

    /** The result set's metadata, marking its calls so that the statements they create are recorded. */
    static ResultSetMetaData marked(ResultSetMetaData metadata) {
        return new MarkedMetaData(metadata);
    }

    /** Marks this thread as inside a metadata call; returns the mark that was there (null: none). */
    static Boolean enterMetadataCall() {
        Boolean outer = IN_METADATA.get();
        IN_METADATA.set(Boolean.TRUE);
        return outer;
    }

    /** Ends the mark {@link #enterMetadataCall()} set, unless an outer call still holds it. */
    static void leaveMetadataCall(Boolean outer) {
        if (outer == null) {
            IN_METADATA.remove();
        }
    }

    private static Object proxy(Object target, InvocationHandler handler) {
        return Proxy.newProxyInstance(DriverLookups.class.getClassLoader(), INTERFACES.get(target.getClass()), handler);
    }

    /** Every interface of a class and its superclasses, worked out once per class (every result's metadata asks). */
    private static final ClassValue<Class<?>[]> INTERFACES = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            Set<Class<?>> interfaces = new LinkedHashSet<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                interfaces.addAll(List.of(c.getInterfaces()));
            }
            return interfaces.toArray(Class<?>[]::new);
        }
    };

    private static final class Recording implements InvocationHandler {
        private final Statement statement;
        private final String sql; // null for a plain statement: the query is the execute's argument
        private final StatementRecorder recorder;
        private final List<String> parameters = new ArrayList<>();

        Recording(Statement statement, String sql, StatementRecorder recorder) {
            this.statement = statement;
            this.sql = sql;
            this.recorder = recorder;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer index) {
                while (parameters.size() < index) {
                    parameters.add("null");
                }
                parameters.set(index - 1, String.valueOf(args[1]));
            }
            if (name.equals("executeWithFlags") || name.equals("execute") || name.equals("executeQuery")) {
                return execute(method, args);
            }
            return call(method, args);
        }

        private Object execute(Method method, Object[] args) throws Throwable {
            long started = System.nanoTime();
            recorder.sending();
            Throwable failure = null;
            try {
                return call(method, args);
            } catch (Throwable e) {
                failure = e;
                throw e;
            } finally {
                Outcome outcome = Outcome.of(failure);
                if (outcome.reachedServer()) {
                    String text = sql != null ? sql : String.valueOf(args[0]).strip();
                    recorder.record(Engine.POSTGRESQL, StatementKind.SELECT, text, List.copyOf(parameters),
                            System.nanoTime() - started, -1, 1, outcome.error());
                }
                recorder.sent();
            }
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(statement, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
