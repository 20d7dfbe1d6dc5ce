package org.persistenceexplorer.store.sql;

import java.net.URI;

/**
 * Where the app's PostgreSQL is and how to log in. The password is never part of
 * {@link #toString()} or {@link #address()}, so an endpoint can be logged or shown safely.
 *
 * @param jdbcUrl  e.g. jdbc:postgresql://localhost:5432/explorer
 * @param embedded true when the app started this server itself
 * @param readOnly every transaction on the pool's sessions is read-only (each new session's
 *                 characteristics, set by its first statement)
 * @param statementTimeoutSeconds the server's statement_timeout on the pool's sessions, 0 for none
 * @param applicationName shown after the app's own name in pg_stat_activity, or blank
 */
public record PostgresEndpoint(String jdbcUrl, String user, String password, boolean embedded, boolean readOnly,
                               int statementTimeoutSeconds, String applicationName) {

    /** Read-write, no statement timeout, the app's own application_name. */
    public PostgresEndpoint(String jdbcUrl, String user, String password, boolean embedded) {
        this(jdbcUrl, user, password, embedded, false, 0, "");
    }

    /**
     * The server settings that go into the startup packet (pgjdbc's "options"), or null for none.
     * Read-only is not among them: pgjdbc tells a primary from a replica by
     * {@code SHOW transaction_read_only} where the server does not report {@code in_hot_standby},
     * and a read-only default made every primary look like a replica to a multi-host URL.
     */
    String startupOptions() {
        return statementTimeoutSeconds > 0 ? "-c statement_timeout=" + statementTimeoutSeconds * 1000L : null;
    }

    /** What each new connection runs first (captured like any statement), or null for nothing. */
    String connectionSetup() {
        return readOnly ? "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY" : null;
    }

    /** host:port/database, for the status bar and error messages. */
    public String address() {
        String rest = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
        String noQuery = rest.replaceAll("\\?.*", "");
        if (noQuery.contains(",")) {
            return noQuery.substring(noQuery.indexOf("//") + 2); // several hosts: URI cannot parse them
        }
        try {
            URI uri = URI.create(rest);
            String path = uri.getPath() == null ? "" : uri.getPath();
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
        } catch (IllegalArgumentException e) {
            return rest.replaceAll("\\?.*", "");
        }
    }

    /** PostgreSQL's well-known port, used when the URL names none. */
    public static final int DEFAULT_PORT = 5432;

    /**
     * The server's host, from the URL; the first one when the URL lists several (pgjdbc tries
     * them in order). "localhost" when the URL names none.
     */
    public String host() {
        String host = firstHostAndPort();
        if (host.startsWith("[")) {
            return host.substring(1, Math.max(1, host.indexOf(']')));
        }
        int colon = host.lastIndexOf(':');
        host = colon < 0 ? host : host.substring(0, colon);
        return host.isEmpty() ? "localhost" : host;
    }

    /** The server's port, from the URL, or {@link #DEFAULT_PORT}. */
    public int port() {
        String host = firstHostAndPort();
        int colon = host.lastIndexOf(':');
        if (colon < 0 || colon < host.lastIndexOf(']')) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
            return DEFAULT_PORT;
        }
    }

    /** "host:port" of the first host in jdbc:postgresql://host:port,host2/db?params. */
    private String firstHostAndPort() {
        int slashes = jdbcUrl.indexOf("//");
        if (slashes < 0) {
            return ""; // jdbc:postgresql:database means localhost on the default port
        }
        String rest = jdbcUrl.substring(slashes + 2);
        int end = rest.length();
        for (char stop : new char[] {'/', '?', ','}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = rest.substring(0, end);
        // user:password@host is not pgjdbc syntax, but never read a password as a host.
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return "PostgreSQL " + (embedded ? "embedded" : "external") + " at " + address() + " as " + user
                + (readOnly ? " (read-only)" : "");
    }
}
