package org.persistenceexplorer.service.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.persistenceexplorer.service.engine.EngineSettings;

/**
 * A named set of servers to work on: the embedded pair (the default), or a user's own PostgreSQL
 * and/or Neo4j (an engine left out stays embedded). A profile on a server the app does not own is
 * read-only until the user unlocks writes for it ({@link #writesUnlocked}). Holds no password.
 * Immutable.
 *
 * @param postgres                the user's PostgreSQL, or null for the embedded one
 * @param neo4j                   the user's Neo4j, or null for the embedded one
 * @param writesUnlocked          the user confirmed writes on this profile's servers
 * @param statementTimeoutSeconds PostgreSQL's statement_timeout on the app's sessions (0: none)
 */
public record ConnectionProfile(String name, PostgresTarget postgres, Neo4jTarget neo4j, boolean writesUnlocked,
                                int statementTimeoutSeconds) {

    /** The name of the embedded pair, always there and never stored. */
    public static final String EMBEDDED_NAME = "Embedded (built in)";
    /** Both engines embedded, read-write. */
    public static final ConnectionProfile EMBEDDED = new ConnectionProfile(EMBEDDED_NAME, null, null, true, 0);
    /** The statement_timeout a new profile on the user's own server starts with. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    public ConnectionProfile {
        name = name == null ? "" : name.strip();
    }

    /** True when at least one engine is a server the app does not own. */
    public boolean external() {
        return postgres != null || neo4j != null;
    }

    /** True when the app's transactions on this profile's servers must be read-only. */
    public boolean readOnly() {
        return external() && !writesUnlocked;
    }

    public ConnectionProfile withWritesUnlocked(boolean unlocked) {
        return new ConnectionProfile(name, postgres, neo4j, unlocked, statementTimeoutSeconds);
    }

    /** What is wrong with the profile in plain words, or an empty list. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add("Give the profile a name.");
        } else if (name.equals(EMBEDDED_NAME) && external()) {
            problems.add("'" + EMBEDDED_NAME + "' is the built-in pair; give your profile another name.");
        }
        if (postgres != null) {
            problems.addAll(postgres.problems());
        }
        if (neo4j != null) {
            problems.addAll(neo4j.problems());
        }
        if (statementTimeoutSeconds < 0) {
            problems.add("The statement timeout cannot be negative (0 means none).");
        }
        return problems;
    }

    /** The servers, in words that name them (for the confirmation before writes are unlocked). */
    public String servers() {
        List<String> servers = new ArrayList<>();
        if (postgres != null) {
            servers.add("PostgreSQL " + postgres.address());
        }
        if (neo4j != null) {
            servers.add("Neo4j " + neo4j.address());
        }
        return servers.isEmpty() ? "the embedded engines" : String.join(" and ", servers);
    }

    /**
     * The engines' settings for this profile. PostgreSQL's password is not passed: pgjdbc finds it
     * in ~/.pgpass. Neo4j's is the one the user gave this run.
     */
    public EngineSettings settings(Path dataDirectory, String neo4jPassword) {
        return new EngineSettings(dataDirectory,
                postgres == null ? null : postgres.url(), postgres == null ? null : postgres.user(), null,
                neo4j == null ? null : neo4j.uri(), neo4j == null ? null : neo4j.user(), neo4jPassword,
                new EngineSettings.Extras(name, readOnly(), statementTimeoutSeconds,
                        postgres == null ? "" : postgres.applicationName(), neo4j == null ? "" : neo4j.database()));
    }
}
