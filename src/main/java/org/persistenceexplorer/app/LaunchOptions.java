package org.persistenceexplorer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.service.engine.EngineSettings;
import org.persistenceexplorer.store.capture.Secrets;

/**
 * Reads the command line and the environment into {@link EngineSettings}. A flag wins over its
 * environment variable; without either an engine is embedded.
 *
 * <pre>
 * --data-dir DIR            PE_DATA_DIR
 * --pg-url JDBC_URL         PE_PG_URL        (jdbc:postgresql://host:port/db)
 * --pg-user USER            PE_PG_USER
 * --pg-password PASSWORD    PE_PG_PASSWORD
 * --neo4j-uri URI           PE_NEO4J_URI     (bolt://host:7687 or neo4j://host:7687)
 * --neo4j-user USER         PE_NEO4J_USER
 * --neo4j-password PASSWORD PE_NEO4J_PASSWORD
 * </pre>
 */
public final class LaunchOptions {

    /** Flag name, environment variable, and what it means (for --help). */
    static final String[][] OPTIONS = {
        {"--data-dir", "PE_DATA_DIR", "folder for the embedded engines' data"},
        {"--pg-url", "PE_PG_URL", "external PostgreSQL, jdbc:postgresql://host:port/db"},
        {"--pg-user", "PE_PG_USER", "user for the external PostgreSQL"},
        {"--pg-password", "PE_PG_PASSWORD", "password for the external PostgreSQL"},
        {"--neo4j-uri", "PE_NEO4J_URI", "external Neo4j, bolt://host:7687 or neo4j://host:7687"},
        {"--neo4j-user", "PE_NEO4J_USER", "user for the external Neo4j"},
        {"--neo4j-password", "PE_NEO4J_PASSWORD", "password for the external Neo4j"},
    };

    private final EngineSettings settings;
    private final boolean help;

    private LaunchOptions(EngineSettings settings, boolean help) {
        this.settings = settings;
        this.help = help;
    }

    /** Parses {@code --flag value} and {@code --flag=value}; unknown flags are an error. */
    public static LaunchOptions parse(List<String> args, Map<String, String> env, Path defaultDataDir) {
        Map<String, String> given = new java.util.HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!known(name)) {
                throw new IllegalArgumentException("Unknown option " + name + ". Run with --help to see the options.");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value.");
            }
            given.put(name, value);
        }
        String dataDir = value(given, env, "--data-dir", "PE_DATA_DIR");
        String pgUrl = value(given, env, "--pg-url", "PE_PG_URL");
        if (pgUrl != null && !pgUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(source(given, "--pg-url", "PE_PG_URL")
                    + " must look like jdbc:postgresql://host:5432/database, not " + Secrets.maskUrl(pgUrl));
        }
        String neo4jUri = value(given, env, "--neo4j-uri", "PE_NEO4J_URI");
        if (neo4jUri != null && !neo4jUri.matches("(bolt|neo4j)(\\+s|\\+ssc)?://.+")) {
            throw new IllegalArgumentException(source(given, "--neo4j-uri", "PE_NEO4J_URI")
                    + " must look like bolt://host:7687 or neo4j://host:7687, not " + Secrets.maskUrl(neo4jUri));
        }
        EngineSettings settings = new EngineSettings(
                dataDir != null ? Path.of(dataDir) : defaultDataDir,
                pgUrl, value(given, env, "--pg-user", "PE_PG_USER"), value(given, env, "--pg-password", "PE_PG_PASSWORD"),
                neo4jUri, value(given, env, "--neo4j-user", "PE_NEO4J_USER"),
                value(given, env, "--neo4j-password", "PE_NEO4J_PASSWORD"));
        return new LaunchOptions(settings, help);
    }

    private static boolean known(String name) {
        for (String[] option : OPTIONS) {
            if (option[0].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Where a value came from, in the words the user typed it: the option, or the environment variable. */
    private static String source(Map<String, String> given, String flag, String variable) {
        return given.containsKey(flag) ? flag : "The environment variable " + variable;
    }

    private static String value(Map<String, String> given, Map<String, String> env, String flag, String variable) {
        String value = given.containsKey(flag) ? given.get(flag) : env.get(variable);
        return value == null || value.isBlank() ? null : value;
    }

    public EngineSettings settings() {
        return settings;
    }

    /**
     * The profile the flags describe: the embedded pair without them, else "Command line" (not
     * saved, read-write as the flags always were: scripts use them to migrate).
     */
    public org.persistenceexplorer.service.connect.ConnectionProfile profile() {
        if (settings.embeddedPostgres() && settings.embeddedNeo4j()) {
            return org.persistenceexplorer.service.connect.ConnectionProfile.EMBEDDED;
        }
        return new org.persistenceexplorer.service.connect.ConnectionProfile(COMMAND_LINE_PROFILE,
                settings.embeddedPostgres() ? null : org.persistenceexplorer.service.connect.PostgresTarget.ofUrl(
                        settings.pgUrl(), settings.pgUser() == null ? "" : settings.pgUser()),
                settings.embeddedNeo4j() ? null : new org.persistenceexplorer.service.connect.Neo4jTarget(
                        settings.neo4jUri(), "", settings.neo4jUser()), true, 0);
    }

    /** The name of the profile the launch flags describe. */
    public static final String COMMAND_LINE_PROFILE = "Command line";

    public boolean helpRequested() {
        return help;
    }

    /** The --help text. */
    public static String usage() {
        List<String> lines = new ArrayList<>();
        lines.add("Persistence Explorer: real PostgreSQL and Neo4j, every statement visible.");
        lines.add("");
        lines.add("Without options both engines are embedded, with data in ~/.local/share/persistence-explorer.");
        lines.add("Options (each can also be set by its environment variable):");
        for (String[] option : OPTIONS) {
            lines.add(String.format("  %-18s %-18s %s", option[0], option[1], option[2]));
        }
        return String.join(System.lineSeparator(), lines);
    }
}
