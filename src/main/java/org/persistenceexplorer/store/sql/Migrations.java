package org.persistenceexplorer.store.sql;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway over the captured DataSource: every statement a migration runs reaches the log.
 * Blocking; call off the FX thread.
 */
public final class Migrations {

    private final DataSource dataSource;

    public Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Flyway flyway(MigrationTrack track) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(track.location())
                .schemas(track.schema())
                .defaultSchema(track.schema())
                .createSchemas(true)
                .cleanDisabled(true)
                .loggers("slf4j")
                .load();
    }

    /** Applies every pending migration of the track. */
    public Outcome migrate(MigrationTrack track) {
        Flyway flyway = flyway(track);
        MigrateResult result = flyway.migrate();
        List<String> applied = result.migrations.stream().map(m -> m.version + " " + m.description).toList();
        return new Outcome(track, applied, result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion);
    }

    /** The version the live schema is at, or null before the first migration. */
    public String currentVersion(MigrationTrack track) {
        MigrationInfo current = flyway(track).info().current();
        MigrationVersion version = current == null ? null : current.getVersion();
        return version == null ? null : version.getVersion();
    }

    /**
     * What one migrate call did.
     *
     * @param applied        "version description" of each migration applied now; empty when nothing was pending
     * @param currentVersion the schema version afterwards
     */
    public record Outcome(MigrationTrack track, List<String> applied, String currentVersion) {
    }
}
