package org.persistenceexplorer.store.sql;

import java.net.URI;

/**
 * Where the app's PostgreSQL is and how to log in. The password is never part of
 * {@link #toString()} or {@link #address()}, so an endpoint can be logged or shown safely.
 *
 * @param jdbcUrl  e.g. jdbc:postgresql://localhost:5432/explorer
 * @param embedded true when the app started this server itself
 */
public record PostgresEndpoint(String jdbcUrl, String user, String password, boolean embedded) {

    /** host:port/database, for the status bar and error messages. */
    public String address() {
        String rest = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
        try {
            URI uri = URI.create(rest);
            String path = uri.getPath() == null ? "" : uri.getPath();
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
        } catch (IllegalArgumentException e) {
            return rest.replaceAll("\\?.*", "");
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + (embedded ? "embedded" : "external") + " at " + address() + " as " + user;
    }
}
