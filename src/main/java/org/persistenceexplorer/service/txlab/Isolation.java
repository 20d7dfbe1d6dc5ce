package org.persistenceexplorer.service.txlab;

import java.sql.Connection;

/**
 * The four SQL isolation levels a session can ask for. PostgreSQL runs READ UNCOMMITTED exactly
 * as READ COMMITTED (it never shows uncommitted data); the lab keeps it as a level of its own so
 * the matrix can show that. Immutable.
 */
public enum Isolation {
    READ_UNCOMMITTED("READ UNCOMMITTED", Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED("READ COMMITTED", Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ("REPEATABLE READ", Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE("SERIALIZABLE", Connection.TRANSACTION_SERIALIZABLE);

    private final String label;
    private final int jdbc;

    Isolation(String label, int jdbc) {
        this.label = label;
        this.jdbc = jdbc;
    }

    /** As SQL says it: "REPEATABLE READ". */
    public String label() {
        return label;
    }

    int jdbc() {
        return jdbc;
    }

    /** The level PostgreSQL really runs: READ UNCOMMITTED is READ COMMITTED. */
    public Isolation effective() {
        return this == READ_UNCOMMITTED ? READ_COMMITTED : this;
    }

    @Override
    public String toString() {
        return label;
    }
}
