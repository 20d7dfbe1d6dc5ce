package org.persistenceexplorer.store.sql;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.jdbc.PSQLSavepoint;

/**
 * What pgjdbc (42.7) sends to the server for a connection method, in the words it sends it:
 * {@code COMMIT} / {@code ROLLBACK} only inside a transaction, {@code SAVEPOINT "a"} with the
 * quoted name, the isolation {@code SET SESSION CHARACTERISTICS ...} with its level, the
 * {@code SET application_name} of {@code setClientInfo}, the {@code select current_catalog} of the
 * first {@code getCatalog()} on a physical connection. Worked out before the call ({@link #before})
 * where the call changes what it depends on (a released savepoint has no name any more).
 * Whether a BEGIN went ahead is not predicted: the listener compares the transaction state
 * before and after. Thread-safe.
 */
final class DriverStatements {

    /** Physical connections whose catalog pgjdbc has already fetched (and caches). */
    private final Map<BaseConnection, Boolean> catalogKnown = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The statement the method will send, as far as it is known before the call, or null.
     * For {@code setSavepoint} the name is known only afterwards: {@link #after} completes it.
     */
    String before(BaseConnection connection, Method method, Object[] args) throws SQLException {
        switch (method.getName()) {
            case "commit":
                return inTransaction(connection) ? "COMMIT" : null;
            case "rollback":
                if (args != null && args.length == 1 && args[0] instanceof Savepoint savepoint) {
                    return "ROLLBACK TO SAVEPOINT " + pgName(savepoint);
                }
                return inTransaction(connection) ? "ROLLBACK" : null;
            case "setAutoCommit":
                boolean turningOn = Boolean.TRUE.equals(args[0]) && !connection.getAutoCommit();
                return turningOn && inTransaction(connection) ? "COMMIT" : null;
            case "setSavepoint":
                return "SAVEPOINT";
            case "releaseSavepoint":
                return "RELEASE SAVEPOINT " + pgName((Savepoint) args[0]);
            case "getTransactionIsolation":
                return "SHOW TRANSACTION ISOLATION LEVEL";
            case "setTransactionIsolation":
                return inTransaction(connection) ? null // refused by the driver before sending
                        : "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + isolationName((Integer) args[0]);
            case "getSchema":
                return "select current_schema()";
            case "setSchema":
                return args[0] == null ? "SET SESSION search_path TO DEFAULT"
                        : "SET SESSION search_path TO " + literal(String.valueOf(args[0]));
            case "getCatalog":
                return catalogKnown.containsKey(connection) ? null : "select current_catalog";
            case "setClientInfo":
                return applicationNameChange(connection, args);
            default:
                return null;
        }
    }

    /** The statement as sent, now that the call returned (or failed). */
    String after(BaseConnection connection, Method method, String before, Object result, Throwable thrown) {
        if (method.getName().equals("getCatalog") && thrown == null) {
            catalogKnown.put(connection, Boolean.TRUE);
        }
        if (method.getName().equals("setSavepoint") && result instanceof Savepoint savepoint) {
            try {
                return "SAVEPOINT " + pgName(savepoint);
            } catch (SQLException e) {
                return before;
            }
        }
        return before;
    }

    private static String applicationNameChange(BaseConnection connection, Object[] args) {
        String wanted;
        if (args.length == 2 && "ApplicationName".equals(args[0])) {
            wanted = args[1] == null ? "" : String.valueOf(args[1]);
        } else if (args.length == 1 && args[0] instanceof Properties properties) {
            wanted = properties.getProperty("ApplicationName", "");
        } else {
            return null;
        }
        if (wanted.equals(connection.getQueryExecutor().getApplicationName())) {
            return null;
        }
        return "SET application_name = " + literal(wanted);
    }

    static boolean inTransaction(BaseConnection connection) {
        return connection.getTransactionState() != TransactionState.IDLE;
    }

    private static String pgName(Savepoint savepoint) throws SQLException {
        return savepoint instanceof PSQLSavepoint pg ? pg.getPGName() : savepoint.getSavepointName();
    }

    private static String isolationName(int level) {
        switch (level) {
            case Connection.TRANSACTION_READ_COMMITTED:
                return "READ COMMITTED";
            case Connection.TRANSACTION_SERIALIZABLE:
                return "SERIALIZABLE";
            case Connection.TRANSACTION_READ_UNCOMMITTED:
                return "READ UNCOMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ:
                return "REPEATABLE READ";
            default:
                return String.valueOf(level);
        }
    }

    /** A string literal as pgjdbc writes it with standard_conforming_strings on (PostgreSQL's default since 9.1). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
