package org.persistenceexplorer.service.engine;

import java.nio.file.Path;
import org.persistenceexplorer.store.capture.Secrets;

/**
 * Where the engines are: embedded in the data folder (the default) or external servers.
 * Either engine may be external while the other is embedded. Passwords never appear in
 * {@link #toString()}, not even one written into the JDBC URL ({@code ?password=...}).
 *
 * @param dataDirectory  the app's data folder; embedded engines keep their data below it
 * @param pgUrl          JDBC URL of an external PostgreSQL, or null for the embedded one
 * @param neo4jUri       bolt:// or neo4j:// URI of an external Neo4j, or null for the embedded one
 */
public record EngineSettings(Path dataDirectory,
                             String pgUrl, String pgUser, String pgPassword,
                             String neo4jUri, String neo4jUser, String neo4jPassword, Extras extras) {

    /** The launch flags' form: no profile name, read-write, no statement timeout. */
    public EngineSettings(Path dataDirectory, String pgUrl, String pgUser, String pgPassword,
                          String neo4jUri, String neo4jUser, String neo4jPassword) {
        this(dataDirectory, pgUrl, pgUser, pgPassword, neo4jUri, neo4jUser, neo4jPassword, Extras.NONE);
    }

    public EngineSettings {
        extras = extras == null ? Extras.NONE : extras;
    }

    /**
     * What a connection profile adds (service/connect).
     *
     * @param profileName             the profile's name, or blank (launch flags)
     * @param readOnly                every app-originated transaction on the external servers is read-only
     * @param statementTimeoutSeconds PostgreSQL's statement_timeout on the app's sessions (0: none)
     * @param applicationName         shown in pg_stat_activity after the app's own name, or blank
     * @param neo4jDatabase           the Neo4j database to use, or blank for the server's default
     */
    public record Extras(String profileName, boolean readOnly, int statementTimeoutSeconds, String applicationName,
                         String neo4jDatabase) {
        public static final Extras NONE = new Extras("", false, 0, "", "");
    }

    /** True when app-originated transactions on an external PostgreSQL must be read-only. */
    public boolean postgresReadOnly() {
        return extras.readOnly() && !embeddedPostgres();
    }

    /** True when app-originated transactions on an external Neo4j must be read-only. */
    public boolean neo4jReadOnly() {
        return extras.readOnly() && !embeddedNeo4j();
    }

    public boolean embeddedPostgres() {
        return pgUrl == null || pgUrl.isBlank();
    }

    public boolean embeddedNeo4j() {
        return neo4jUri == null || neo4jUri.isBlank();
    }

    public Path postgresFolder() {
        return dataDirectory.resolve("postgres");
    }

    public Path neo4jFolder() {
        return dataDirectory.resolve("neo4j");
    }

    @Override
    public String toString() {
        return "EngineSettings[data=" + dataDirectory
                + ", postgres=" + (embeddedPostgres() ? "embedded" : Secrets.maskUrl(pgUrl) + " as " + pgUser)
                + ", neo4j=" + (embeddedNeo4j() ? "embedded" : Secrets.maskUrl(neo4jUri) + " as " + neo4jUser)
                + (extras.readOnly() ? ", read-only" : "") + "]";
    }
}
