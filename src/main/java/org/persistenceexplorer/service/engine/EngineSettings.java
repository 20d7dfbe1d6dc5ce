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
                             String neo4jUri, String neo4jUser, String neo4jPassword) {

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
                + ", neo4j=" + (embeddedNeo4j() ? "embedded" : Secrets.maskUrl(neo4jUri) + " as " + neo4jUser) + "]";
    }
}
