package org.persistenceexplorer.service.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL the user runs: either host, port and database, or a full JDBC URL (which may list
 * several hosts, {@code targetServerType=primary|secondary|preferSecondary}, {@code loadBalanceHosts}).
 * Never holds a password: that lives in {@code ~/.pgpass} ({@link PgPass}). Immutable.
 *
 * @param jdbcUrl         a full URL, or blank to build one from host, port and database
 * @param sslMode         pgjdbc's sslmode (disable, allow, prefer, require, verify-ca, verify-full), or blank
 * @param applicationName how the server lists the app's sessions, or blank for the app's own name
 */
public record PostgresTarget(String host, int port, String database, String jdbcUrl, String user,
                             String sslMode, String applicationName) {

    public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public PostgresTarget {
        host = blankToEmpty(host);
        database = blankToEmpty(database);
        jdbcUrl = blankToEmpty(jdbcUrl);
        user = blankToEmpty(user);
        sslMode = blankToEmpty(sslMode);
        applicationName = blankToEmpty(applicationName);
    }

    /** host / port / database, the usual form. */
    public static PostgresTarget of(String host, int port, String database, String user) {
        return new PostgresTarget(host, port, database, "", user, "", "");
    }

    /** A full JDBC URL, e.g. with several hosts. */
    public static PostgresTarget ofUrl(String jdbcUrl, String user) {
        return new PostgresTarget("", 0, "", jdbcUrl, user, "", "");
    }

    /** What is wrong with this target in plain words, or an empty list. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!jdbcUrl.isEmpty()) {
            if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
                problems.add("The JDBC URL must start with jdbc:postgresql://, e.g. jdbc:postgresql://db.example.com:5432/sales.");
            }
        } else {
            if (host.isEmpty()) {
                problems.add("Give the PostgreSQL server's host name (or a full JDBC URL).");
            }
            if (port < 1 || port > 65535) {
                problems.add("The PostgreSQL port must be between 1 and 65535 (usually 5432).");
            }
            if (database.isEmpty()) {
                problems.add("Give the database's name.");
            }
        }
        if (user.isEmpty()) {
            problems.add("Give the PostgreSQL user name.");
        }
        if (!sslMode.isEmpty() && !SSL_MODES.contains(sslMode)) {
            problems.add("SSL mode must be one of " + String.join(", ", SSL_MODES) + ".");
        }
        return problems;
    }

    /** The URL pgjdbc gets: the full one as given, or built; the SSL mode added when it names none. */
    public String url() {
        String url = jdbcUrl.isEmpty() ? "jdbc:postgresql://" + hostForUrl(host) + ":" + port + "/" + database : jdbcUrl;
        if (!sslMode.isEmpty() && !url.contains("sslmode=")) {
            url += (url.contains("?") ? "&" : "?") + "sslmode=" + sslMode;
        }
        return url;
    }

    /** The hosts and ports the URL lists, in order ("db1:5432", "db2:5433"). */
    public List<String> hostsAndPorts() {
        String url = url();
        String rest = url.substring(url.indexOf("//") + 2);
        int end = hostsEnd(rest);
        List<String> hosts = new ArrayList<>();
        for (String one : rest.substring(0, end).split(",")) {
            if (!one.isBlank()) {
                hosts.add(one.contains(":") && !one.endsWith("]") ? one : one + ":5432");
            }
        }
        return hosts;
    }

    /**
     * The same target narrowed to one of its hosts, any kind of server ({@code targetServerType=any}),
     * so a Test can say what each host of a multi-host URL is.
     */
    public PostgresTarget onlyHost(String hostAndPort) {
        String url = url();
        String rest = url.substring(url.indexOf("//") + 2);
        int end = hostsEnd(rest);
        String tail = rest.substring(end).replaceAll("targetServerType=[^&]*", "targetServerType=any")
                .replaceAll("loadBalanceHosts=[^&]*", "loadBalanceHosts=false");
        return new PostgresTarget("", 0, "", "jdbc:postgresql://" + hostAndPort + tail, user, "", applicationName);
    }

    /** Where the hosts part of a URL (after "//") ends: at the first '/' or '?'. */
    private static int hostsEnd(String rest) {
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end;
    }

    /** The database the URL names. */
    public String databaseName() {
        if (jdbcUrl.isEmpty()) {
            return database;
        }
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return user;
        }
        String db = rest.substring(slash + 1);
        int query = db.indexOf('?');
        return query < 0 ? db : db.substring(0, query);
    }

    /** "host:port/database" or the hosts of a multi-host URL, for titles and messages. */
    public String address() {
        return String.join(",", hostsAndPorts()) + "/" + databaseName();
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
