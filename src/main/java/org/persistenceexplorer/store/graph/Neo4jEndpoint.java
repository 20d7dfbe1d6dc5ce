package org.persistenceexplorer.store.graph;

import java.net.URI;

/**
 * Where the app's Neo4j is and how to log in. The password is never part of
 * {@link #toString()} or {@link #address()}, so an endpoint can be logged or shown safely.
 *
 * @param uri      bolt://host:port or neo4j://host:port (also the +s / +ssc variants)
 * @param user     null or blank for a server without authentication
 * @param password null or blank for a server without authentication
 * @param embedded true when the app started this server itself
 * @param database the database to use, or null / blank for the server's default
 * @param readOnly every statement runs in a read transaction, writes are refused
 */
public record Neo4jEndpoint(String uri, String user, String password, boolean embedded, String database,
                            boolean readOnly) {

    /** The server's default database, read-write. */
    public Neo4jEndpoint(String uri, String user, String password, boolean embedded) {
        this(uri, user, password, embedded, null, false);
    }

    /** Bolt's well-known port, used when the URI names none. */
    public static final int DEFAULT_PORT = 7687;

    /** host:port, for the status bar and error messages. */
    public String address() {
        try {
            URI parsed = URI.create(uri);
            if (parsed.getHost() == null) {
                return uri;
            }
            return parsed.getHost() + ":" + (parsed.getPort() > 0 ? parsed.getPort() : DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            return String.valueOf(uri);
        }
    }

    /** True when the server wants a user name and password. */
    public boolean hasLogin() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "Neo4j " + (embedded ? "embedded" : "external") + " at " + address()
                + (hasLogin() ? " as " + user : " without login") + (readOnly ? " (read-only)" : "");
    }
}
