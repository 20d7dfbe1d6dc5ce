package org.persistenceexplorer.service.txlab;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Puts the server's transaction errors in plain words, each with the way out: the aborted
 * transaction state, serialization failures and deadlocks (retry), the idle-in-transaction
 * timeout, a terminated backend, an exhausted pool. Stateless.
 */
final class LabErrors {

    private LabErrors() {
    }

    static String explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = firstLine(e.getMessage());
        return switch (state) {
            case "25P02" -> server + ". An earlier statement of this transaction failed, so PostgreSQL refuses "
                    + "everything until the transaction ends: ROLLBACK (or ROLLBACK TO SAVEPOINT a savepoint set before the error).";
            case "40001" -> server + ". PostgreSQL aborted this transaction to keep the isolation level's promise; "
                    + "nothing of it was kept. Run the whole transaction again (a retry).";
            case "40P01" -> server + ". Two transactions waited for each other; the server aborted this one so the "
                    + "other can go on. Run it again.";
            case "25P03" -> server + ". The session sat inside an open transaction for longer than "
                    + "idle_in_transaction_session_timeout allows, so the server ended it (and rolled it back).";
            case "57P01", "57P02", "57P03" -> server + ". The server process of this session is gone; its "
                    + "transaction was rolled back. The next statement opens a new connection.";
            case "57014" -> server + ". The statement was cancelled.";
            default -> {
                if (e instanceof SQLTransientConnectionException && server.contains("timed out")) {
                    yield "No connection free: " + server;
                }
                yield server;
            }
        };
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
}
