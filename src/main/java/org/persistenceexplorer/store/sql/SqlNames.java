package org.persistenceexplorer.store.sql;

/** Quotes identifiers for SQL the app builds itself (schema names from folder names). Stateless. */
final class SqlNames {

    private SqlNames() {
    }

    /** A double-quoted identifier, inner quotes doubled. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
