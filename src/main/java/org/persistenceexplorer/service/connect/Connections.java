package org.persistenceexplorer.service.connect;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the Connect dialog works with: the saved profiles, their Test, saving one (PostgreSQL's
 * password into ~/.pgpass, never into the profile file), and switching the app's engines to one.
 * Neo4j passwords are kept in memory for this run only, per profile (decision 0029). Blocking
 * where it touches files or servers: call off the FX thread. Thread-safe.
 */
public final class Connections {

    /** Moves the app's engines to a profile (the app's composition root does it). */
    @FunctionalInterface
    public interface Switcher {
        void switchTo(ConnectionProfile profile, String neo4jPassword) throws Exception;
    }

    private final ProfileStore store;
    private final PgPass pgpass;
    private final ConnectionCheck check;
    private final Switcher switcher;
    private final Supplier<ConnectionProfile> current;
    private final Map<String, String> neo4jPasswords = new ConcurrentHashMap<>();

    public Connections(ProfileStore store, PgPass pgpass, ConnectionCheck check, Switcher switcher,
                       Supplier<ConnectionProfile> current) {
        this.store = store;
        this.pgpass = pgpass;
        this.check = check;
        this.switcher = switcher;
        this.current = current;
    }

    /** The embedded pair first, then the saved profiles by name. */
    public List<ConnectionProfile> profiles() throws IOException {
        return store.profiles();
    }

    /** The profile the engines run on now. */
    public ConnectionProfile current() {
        return current.get();
    }

    /** The profile used last (remembered across runs). */
    public ConnectionProfile remembered() throws IOException {
        return store.lastUsed();
    }

    /**
     * Saves the profile; a PostgreSQL password given goes to ~/.pgpass (blank: keep what is there).
     * A Neo4j password given is kept for this run.
     */
    public void save(ConnectionProfile profile, String postgresPassword, String neo4jPassword) throws IOException {
        store.save(profile);
        if (profile.postgres() != null && postgresPassword != null && !postgresPassword.isEmpty()) {
            pgpass.remember(profile.postgres(), postgresPassword);
        }
        rememberNeo4jPassword(profile, neo4jPassword);
    }

    public void remove(String name) throws IOException {
        store.remove(name);
        neo4jPasswords.remove(name);
    }

    /** Tests the PostgreSQL part; a blank password means: the one in ~/.pgpass, as the app will connect. */
    public PostgresAnswer testPostgres(PostgresTarget target, String password) {
        return check.postgres(target, password == null || password.isEmpty() ? null : password);
    }

    /** Tests the Neo4j part; a blank password means the one given earlier this run, if any. */
    public Neo4jAnswer testNeo4j(String profileName, Neo4jTarget target, String password) {
        String given = password == null || password.isEmpty() ? neo4jPasswords.get(profileName) : password;
        return check.neo4j(target, given);
    }

    /** True when the app would need to ask for the profile's Neo4j password before using it. */
    public boolean needsNeo4jPassword(ConnectionProfile profile) {
        return profile.neo4j() != null && !neo4jPasswords.containsKey(profile.name());
    }

    /** True when ~/.pgpass has a line for the profile's PostgreSQL. */
    public boolean pgpassKnows(ConnectionProfile profile) throws IOException {
        return profile.postgres() != null && pgpass.knows(profile.postgres());
    }

    /**
     * Switches the app's engines to the profile (seconds: an embedded server may stop or start).
     * On failure the previous profile is back in use and the reason is thrown.
     */
    public void use(ConnectionProfile profile, String neo4jPassword) throws Exception {
        rememberNeo4jPassword(profile, neo4jPassword);
        switcher.switchTo(profile, neo4jPasswords.get(profile.name()));
    }

    /**
     * Unlocks writes on the profile's servers (after the user confirmed, naming them) and saves
     * that; the switch that follows makes the app's sessions read-write.
     */
    public ConnectionProfile unlockWrites(ConnectionProfile profile) throws IOException {
        ConnectionProfile unlocked = profile.withWritesUnlocked(true);
        store.save(unlocked);
        return unlocked;
    }

    /** The Neo4j password given this run for the profile, if any (never written anywhere). */
    Optional<String> neo4jPassword(String profileName) {
        return Optional.ofNullable(neo4jPasswords.get(profileName));
    }

    private void rememberNeo4jPassword(ConnectionProfile profile, String password) {
        if (profile.neo4j() != null && password != null && !password.isEmpty()) {
            neo4jPasswords.put(profile.name(), password);
        }
    }
}
