package org.persistenceexplorer.service.connect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The user's connection profiles, remembered in {@code connections.properties} in the app's data
 * folder, with the one used last. No password is ever written here: PostgreSQL's go to
 * {@code ~/.pgpass} ({@link PgPass}), Neo4j's are asked once per run (decision 0029). The
 * embedded pair is always the first profile and never stored. Blocking file access; synchronized.
 */
public final class ProfileStore {

    public static final String FILE_NAME = "connections.properties";
    private static final String LAST = "last";

    private final Path file;
    private final PropertiesFile store;

    public ProfileStore(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
        this.store = new PropertiesFile(file, "Persistence Explorer connection profiles (no passwords: see ~/.pgpass)");
    }

    public Path file() {
        return file;
    }

    /** The embedded pair first, then the user's profiles by name. */
    public synchronized List<ConnectionProfile> profiles() throws IOException {
        Properties p = read();
        List<ConnectionProfile> profiles = new ArrayList<>();
        profiles.add(ConnectionProfile.EMBEDDED);
        TreeSet<String> ids = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("profile.") && key.endsWith(".name")) {
                ids.add(key.substring("profile.".length(), key.length() - ".name".length()));
            }
        }
        ids.stream().map(id -> profile(p, "profile." + id + "."))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).forEach(profiles::add);
        return profiles;
    }

    public synchronized Optional<ConnectionProfile> find(String name) throws IOException {
        return profiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Adds the profile or replaces the one with its name. The embedded pair cannot be saved. */
    public synchronized void save(ConnectionProfile profile) throws IOException {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        if (profile.name().equals(ConnectionProfile.EMBEDDED_NAME)) {
            throw new IllegalArgumentException("The embedded pair is built in; it cannot be changed.");
        }
        Properties p = read();
        String prefix = "profile." + id(profile.name()) + ".";
        p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(p::remove);
        p.setProperty(prefix + "name", profile.name());
        p.setProperty(prefix + "writesUnlocked", String.valueOf(profile.writesUnlocked()));
        p.setProperty(prefix + "statementTimeoutSeconds", String.valueOf(profile.statementTimeoutSeconds()));
        PostgresTarget pg = profile.postgres();
        if (pg != null) {
            p.setProperty(prefix + "pg.host", pg.host());
            p.setProperty(prefix + "pg.port", String.valueOf(pg.port()));
            p.setProperty(prefix + "pg.database", pg.database());
            p.setProperty(prefix + "pg.url", pg.jdbcUrl());
            p.setProperty(prefix + "pg.user", pg.user());
            p.setProperty(prefix + "pg.sslMode", pg.sslMode());
            p.setProperty(prefix + "pg.applicationName", pg.applicationName());
        }
        Neo4jTarget neo = profile.neo4j();
        if (neo != null) {
            p.setProperty(prefix + "neo4j.uri", neo.uri());
            p.setProperty(prefix + "neo4j.database", neo.database());
            p.setProperty(prefix + "neo4j.user", neo.user());
        }
        write(p);
    }

    public synchronized void remove(String name) throws IOException {
        Properties p = read();
        String prefix = "profile." + id(name) + ".";
        p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(p::remove);
        if (name.equals(p.getProperty(LAST))) {
            p.remove(LAST);
        }
        write(p);
    }

    /** The profile used last, or the embedded pair (also when the last one was removed). */
    public synchronized ConnectionProfile lastUsed() throws IOException {
        String last = read().getProperty(LAST);
        return last == null ? ConnectionProfile.EMBEDDED : find(last).orElse(ConnectionProfile.EMBEDDED);
    }

    public synchronized void rememberLastUsed(String name) throws IOException {
        Properties p = read();
        p.setProperty(LAST, name);
        write(p);
    }

    private static ConnectionProfile profile(Properties p, String prefix) {
        PostgresTarget pg = p.containsKey(prefix + "pg.user") ? new PostgresTarget(p.getProperty(prefix + "pg.host"),
                number(p.getProperty(prefix + "pg.port")), p.getProperty(prefix + "pg.database"),
                p.getProperty(prefix + "pg.url"), p.getProperty(prefix + "pg.user"), p.getProperty(prefix + "pg.sslMode"),
                p.getProperty(prefix + "pg.applicationName")) : null;
        Neo4jTarget neo = p.containsKey(prefix + "neo4j.uri") ? new Neo4jTarget(p.getProperty(prefix + "neo4j.uri"),
                p.getProperty(prefix + "neo4j.database"), p.getProperty(prefix + "neo4j.user")) : null;
        return new ConnectionProfile(p.getProperty(prefix + "name"), pg, neo,
                Boolean.parseBoolean(p.getProperty(prefix + "writesUnlocked")),
                number(p.getProperty(prefix + "statementTimeoutSeconds")));
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A key part from the name that survives the properties format (names may hold any character). */
    private static String id(String name) {
        return PropertiesFile.keyPart(name);
    }

    private Properties read() throws IOException {
        return store.read();
    }

    private void write(Properties p) throws IOException {
        store.write(p);
    }
}
