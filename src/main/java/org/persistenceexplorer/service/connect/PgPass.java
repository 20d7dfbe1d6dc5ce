package org.persistenceexplorer.service.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's own password file, {@code ~/.pgpass} (libpq's format, which pgjdbc reads when a
 * connection has no password): the app writes the line for a profile's server there instead of
 * keeping the password itself, and the file stays readable by its owner only (0600), as psql
 * and pgjdbc expect. The location follows pgjdbc: the system property
 * {@code org.postgresql.pgpassfile}, then {@code PGPASSFILE}, then {@code ~/.pgpass}.
 * Blocking file access; thread-safe through the file's own replace.
 */
public final class PgPass {

    /** The system property pgjdbc reads first for the file's location. */
    public static final String LOCATION_PROPERTY = "org.postgresql.pgpassfile";

    private final Path file;

    public PgPass(Path file) {
        this.file = file;
    }

    /** Where pgjdbc looks, in its order. */
    public static PgPass standard() {
        return new PgPass(location(System.getProperties().getProperty(LOCATION_PROPERTY), System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    static Path location(String property, Map<String, String> env, Path home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        String variable = env.get("PGPASSFILE");
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable.strip());
        }
        return home.resolve(".pgpass");
    }

    public Path file() {
        return file;
    }

    /**
     * Writes (or replaces) the line for the target's server, database and user. pgjdbc matches a
     * multi-host URL by its hosts and ports joined with commas, as they appear in the URL, so that
     * is the line written for one; a line per host follows it, which psql and a connection to one
     * of the hosts (the Test says what each host is) match. Blocking.
     */
    public synchronized void remember(PostgresTarget target, String password) throws IOException {
        List<String[]> keys = new ArrayList<>();
        keys.add(key(target));
        if (target.hostsAndPorts().size() > 1) {
            target.hostsAndPorts().forEach(host -> keys.add(key(target.onlyHost(host))));
        }
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        for (String[] key : keys) {
            String prefix = String.join(":", escape(key[0]), escape(key[1]), escape(key[2]), escape(key[3])) + ":";
            lines.removeIf(line -> line.startsWith(prefix));
            lines.add(prefix + escape(password));
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".pgpass", ".tmp");
        try {
            restrict(temporary);
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** True when the file has a line for exactly this server, database and user. */
    public synchronized boolean knows(PostgresTarget target) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        String[] key = key(target);
        String prefix = String.join(":", escape(key[0]), escape(key[1]), escape(key[2]), escape(key[3])) + ":";
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().anyMatch(line -> line.startsWith(prefix));
    }

    /** host(s), port(s), database, user: what pgjdbc compares a line with. */
    static String[] key(PostgresTarget target) {
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String hostAndPort : target.hostsAndPorts()) {
            int colon = hostAndPort.lastIndexOf(':');
            hosts.add(hostAndPort.substring(0, colon));
            ports.add(hostAndPort.substring(colon + 1));
        }
        return new String[] {String.join(",", hosts), String.join(",", ports), target.databaseName(), target.user()};
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the file sits in the user's profile folder, which only they can read
        }
    }

    /** libpq's escaping: a backslash or colon inside a field is preceded by a backslash. */
    static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }
}
