package org.persistenceexplorer.service.connect;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.service.connect.Neo4jAnswer.RoutingMember;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.Causes;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.graph.GraphGateway;
import org.persistenceexplorer.store.graph.Neo4jEndpoint;
import org.persistenceexplorer.store.sql.PostgresEndpoint;
import org.persistenceexplorer.store.sql.SqlDatabase;

/**
 * The Connect dialog's Test buttons: reaches a profile's server on a connection of its own (the
 * app's engines are not touched) and says what answered, or what failed in plain words (wrong
 * password, unknown host, nothing listening, TLS refused, a server too old, no primary among the
 * hosts). The statements go through the capture like every other (read-only, under the caller's
 * action). Blocking; call off the FX thread. Thread-safe.
 */
public final class ConnectionCheck {

    /** The oldest PostgreSQL the app supports (pgjdbc's startup-packet settings, pg_stat_statements' columns). */
    public static final int OLDEST_POSTGRES = 12;
    private static final String POSTGRES_FACTS = "SELECT split_part(current_setting('server_version'), ' ', 1),"
            + " current_setting('server_version_num')::int, pg_is_in_recovery(),"
            + " coalesce(host(inet_server_addr()), 'local socket') || ':' || coalesce(inet_server_port()::text, '')";

    private final StatementRecorder recorder;
    private final Runnable afterOtherServer;

    public ConnectionCheck(StatementRecorder recorder) {
        this(recorder, () -> { });
    }

    /**
     * @param afterOtherServer runs after a PostgreSQL Test's statements, which went to a server
     *                         the app's counters are not compared with (restarts the reconciliation)
     */
    public ConnectionCheck(StatementRecorder recorder, Runnable afterOtherServer) {
        this.recorder = recorder;
        this.afterOtherServer = afterOtherServer;
    }

    /**
     * Tests a PostgreSQL target.
     *
     * @param password the password typed in the dialog, or null to use ~/.pgpass (as the app will)
     */
    public PostgresAnswer postgres(PostgresTarget target, String password) {
        try {
            return postgresNow(target, password);
        } finally {
            afterOtherServer.run();
        }
    }

    private PostgresAnswer postgresNow(PostgresTarget target, String password) {
        List<String> problems = target.problems();
        if (!problems.isEmpty()) {
            return PostgresAnswer.failed(String.join(" ", problems));
        }
        PostgresEndpoint endpoint = new PostgresEndpoint(target.url(), target.user(),
                password == null || password.isEmpty() ? null : password, false, true, 10, target.applicationName());
        try (SqlDatabase db = SqlDatabase.openSide(endpoint, recorder, "pe-connection-test", 1, 10_000);
             Connection c = db.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(POSTGRES_FACTS)) {
            r.next();
            PostgresAnswer answer = new PostgresAnswer(true, r.getString(1), r.getInt(2), r.getBoolean(3), r.getString(4), "",
                    List.of());
            if (answer.versionNumber() < OLDEST_POSTGRES * 10_000) {
                return PostgresAnswer.failed("PostgreSQL " + answer.version() + " at " + answer.answeredBy()
                        + " is older than " + OLDEST_POSTGRES + ", the oldest version the app supports.");
            }
            return target.hostsAndPorts().size() > 1 ? answer.withEachHost(eachHost(target, password)) : answer;
        } catch (SQLException | RuntimeException e) {
            return PostgresAnswer.failed(postgresProblem(target, e));
        }
    }

    /** A multi-host URL: what every host is (primary, replica, version) or why it did not answer. */
    private List<String> eachHost(PostgresTarget target, String password) {
        List<String> lines = new ArrayList<>();
        for (String host : target.hostsAndPorts()) {
            PostgresAnswer one = postgresNow(target.onlyHost(host), password);
            String problem = one.problem().endsWith(".") ? one.problem().substring(0, one.problem().length() - 1) : one.problem();
            lines.add(host + ": " + (one.reached() ? one.kind() : "did not answer: " + problem));
        }
        return lines;
    }

    /** The failure in the user's words; the server's own text after it where that helps. */
    static String postgresProblem(PostgresTarget target, Throwable e) {
        String state = e instanceof SQLException sql ? sql.getSQLState() : null;
        String at = "PostgreSQL at " + target.address();
        String message = Causes.firstLine(e.getMessage() == null ? Causes.rootMessage(e) : e.getMessage());
        if ("28P01".equals(state)) {
            return at + " refused the password of user '" + target.user() + "': wrong password"
                    + " (or an old one in ~/.pgpass).";
        }
        if ("3D000".equals(state)) {
            return at + " has no database '" + target.databaseName() + "'.";
        }
        if ("28000".equals(state)) {
            return at + " does not let user '" + target.user() + "' in: " + message;
        }
        if (message.contains("no password was provided")) {
            return at + " asks for a password and none was given (nor found in ~/.pgpass).";
        }
        if (message.contains("targetServerType")) {
            return "None of the hosts in " + target.address() + " is the kind of server the URL asks for"
                    + " (" + message + "): a replica cannot stand in where a primary is required.";
        }
        if (Causes.causedBy(e, UnknownHostException.class)) {
            return "The host in " + target.address() + " is unknown: no such name (" + Causes.rootMessage(e) + ").";
        }
        if (message.contains("does not support SSL")) {
            return at + " refused TLS: the server does not support SSL. Choose SSL mode 'prefer' or 'disable',"
                    + " or turn ssl on at the server.";
        }
        if (Causes.causedBy(e, SSLException.class)) {
            return "The TLS handshake with " + at + " failed: " + Causes.rootMessage(e);
        }
        if (Causes.causedBy(e, ConnectException.class) || message.contains("Connection refused")) {
            return "Nothing answers at " + target.address() + " (connection refused): is the server running,"
                    + " and are host and port right?";
        }
        return "Could not connect to " + at + ": " + message;
    }

    /**
     * Tests a Neo4j target: edition and version, and for a neo4j:// address the routing table's
     * servers and roles.
     *
     * @param password the password typed in the dialog, or blank for a server without authentication
     */
    public Neo4jAnswer neo4j(Neo4jTarget target, String password) {
        List<String> problems = target.problems();
        if (!problems.isEmpty()) {
            return Neo4jAnswer.failed(String.join(" ", problems));
        }
        Neo4jEndpoint endpoint = new Neo4jEndpoint(target.uri(), target.user().isEmpty() ? "neo4j" : target.user(),
                password, false, target.database(), true);
        try (GraphGateway gateway = GraphGateway.connect(endpoint, recorder)) {
            GraphResult components = gateway.read(
                    "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition", Map.of());
            Map<String, Object> row = components.rows().get(0);
            String version = String.valueOf(row.get("version"));
            List<RoutingMember> members = target.routing() ? routingTable(gateway, target) : List.of();
            int major = parseMajor(version);
            if (major > 0 && major < 5) {
                return Neo4jAnswer.failed("Neo4j " + version + " at " + target.address()
                        + " is older than 5, the oldest version the app supports.");
            }
            return new Neo4jAnswer(true, String.valueOf(row.get("edition")), version, members, "");
        } catch (EngineStartException e) {
            return Neo4jAnswer.failed(e.getMessage());
        } catch (RuntimeException e) {
            return Neo4jAnswer.failed("Neo4j at " + target.address() + " answered, but: " + Causes.firstLine(e.getMessage()));
        }
    }

    private static List<RoutingMember> routingTable(GraphGateway gateway, Neo4jTarget target) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("database", target.database().isEmpty() ? null : target.database());
        GraphResult table = gateway.read("CALL dbms.routing.getRoutingTable({}, $database) YIELD servers"
                + " UNWIND servers AS server RETURN server.role AS role, server.addresses AS addresses", parameters);
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (Map<String, Object> row : table.rows()) {
            for (Object address : (List<?>) row.get("addresses")) {
                roles.computeIfAbsent(String.valueOf(address), a -> new ArrayList<>()).add(String.valueOf(row.get("role")));
            }
        }
        List<RoutingMember> members = new ArrayList<>();
        roles.forEach((address, list) -> members.add(new RoutingMember(address, list)));
        return members;
    }

    private static int parseMajor(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
