package org.persistenceexplorer.service.txlab;

/**
 * One step of a guided anomaly script: which session runs what, and what Hermitage's PostgreSQL
 * run saw there. A statement may say {@code {v1+1}}: the value of row 1 this session last read,
 * plus one (an application computing its write from its read, the way a lost update happens).
 * Immutable.
 *
 * @param session  "A", "B" or "C" (Hermitage's T1, T2, T3)
 * @param sql      the statement
 * @param expected what to look for, in words ("still shows 1 => 10"), or ""
 */
public record Step(String session, String sql, String expected) {

    /** Hermitage's name for the session: A is T1. */
    public String transaction() {
        return "T" + (session.charAt(0) - 'A' + 1);
    }

    boolean ends() {
        String s = sql.trim().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("commit") || s.startsWith("rollback") || s.startsWith("abort");
    }

    boolean begins() {
        return sql.trim().toLowerCase(java.util.Locale.ROOT).startsWith("begin");
    }
}
