package org.persistenceexplorer.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairResult;
import org.persistenceexplorer.domain.migration.HistoryEntry;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;

/**
 * Flyway over the captured DataSource: every statement a migration runs reaches the log.
 * What Flyway's open edition does not do (going back, resetting a schema) is done here too,
 * on the same DataSource, so the log shows it as well. Blocking; call off the FX thread.
 */
public final class Migrations {

    private final DataSource dataSource;

    public Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private FluentConfiguration configure(MigrationTrack track) {
        return Flyway.configure()
                // Flyway's history-table queries are planned once per connection (PlannedOnce).
                .dataSource(PlannedOnce.over(dataSource))
                .locations(track.locations().toArray(String[]::new))
                .schemas(track.schema())
                .defaultSchema(track.schema())
                .createSchemas(true)
                // Resetting a schema is the app's own DROP SCHEMA, after the user confirmed it.
                .cleanDisabled(true)
                .loggers("slf4j");
    }

    private Flyway flyway(MigrationTrack track) {
        return configure(track).load();
    }

    /** Applies every pending migration of the track. */
    public Outcome migrate(MigrationTrack track) {
        return outcome(track, flyway(track).migrate());
    }

    /**
     * Applies the pending migrations up to and including {@code targetVersion}.
     *
     * @param outOfOrder also apply a pending version lower than the current one
     */
    public Outcome migrate(MigrationTrack track, String targetVersion, boolean outOfOrder) {
        FluentConfiguration configuration = configure(track).outOfOrder(outOfOrder);
        if (targetVersion != null) {
            configuration.target(MigrationVersion.fromVersion(targetVersion));
        }
        try {
            return outcome(track, configuration.load().migrate());
        } catch (FlywayException e) {
            throw ScriptFailure.of(e);
        }
    }

    private static Outcome outcome(MigrationTrack track, MigrateResult result) {
        List<String> applied = result.migrations.stream().map(m -> m.version + " " + m.description).toList();
        return new Outcome(track, applied, result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion);
    }

    /**
     * Migrates the track (a scratch copy) in one Flyway call and reads the catalog after each
     * versioned script, inside that script's transaction (a Flyway callback on its connection):
     * one migrate instead of one per version.
     *
     * @param after told each version and the schema right after it, in order
     * @throws ScriptFailure when a script fails; the versions before it have been told
     */
    public void migrateReadingEachVersion(MigrationTrack track, java.util.function.BiConsumer<String, SchemaSnapshot> after) {
        Callback reader = new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_EACH_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                MigrationInfo info = context.getMigrationInfo();
                if (info == null || info.getVersion() == null) {
                    return; // a repeatable script: no version of its own
                }
                try {
                    after.accept(info.getVersion().getVersion(), CatalogSnapshots.read(context.getConnection(), track.schema()));
                } catch (SQLException e) {
                    throw new FlywayException("Could not read the schema after " + info.getScript() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String getCallbackName() {
                return "pe-read-each-version";
            }
        };
        try {
            configure(track).callbacks(reader).load().migrate();
        } catch (FlywayException e) {
            throw ScriptFailure.of(e);
        }
    }

    /** The version the live schema is at, or null before the first migration. */
    public String currentVersion(MigrationTrack track) {
        MigrationInfo current = flyway(track).info().current();
        MigrationVersion version = current == null ? null : current.getVersion();
        return version == null ? null : version.getVersion();
    }

    /** Flyway's {@code info}: every script and history row with its state, in Flyway's order. */
    public List<HistoryEntry> history(MigrationTrack track) {
        MigrationInfoService info = flyway(track).info();
        MigrationInfo current = info.current();
        List<HistoryEntry> entries = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            String version = m.getVersion() == null ? null : m.getVersion().getVersion();
            entries.add(new HistoryEntry(version, m.getDescription(), m.getType() == null ? "" : m.getType().name(),
                    m.getScript(), m.isApplied() ? m.getAppliedChecksum() : m.getResolvedChecksum(),
                    m.getResolvedChecksum(), m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(),
                    m.getInstalledBy(), m.getExecutionTime(), m.getState().getDisplayName(),
                    current != null && m.getInstalledRank() != null && m.getInstalledRank().equals(current.getInstalledRank())));
        }
        return entries;
    }

    /** Flyway's {@code validate}: null when the scripts match the history, else Flyway's messages. */
    public String validationErrors(MigrationTrack track) {
        var result = configure(track).ignoreMigrationPatterns("*:pending", "*:future").load().validateWithResult();
        return result.validationSuccessful ? null : result.getAllErrorMessages();
    }

    /**
     * Flyway's {@code repair}: realigns the history's checksums and descriptions with the files
     * and removes failed rows. Returns what it changed, in Flyway's words.
     */
    public List<String> repair(MigrationTrack track) {
        RepairResult result = flyway(track).repair();
        List<String> changed = new ArrayList<>();
        result.migrationsAligned.forEach(m -> changed.add("checksum of " + m.version + " aligned with the file"));
        result.migrationsRemoved.forEach(m -> changed.add("failed row of " + m.version + " removed"));
        result.migrationsDeleted.forEach(m -> changed.add("row of missing " + m.version + " marked deleted"));
        return changed;
    }

    /** Drops the track's schema with everything in it, history included (a rebuild's first half). */
    public void dropSchema(MigrationTrack track) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SqlNames.quote(track.schema()) + " CASCADE");
        }
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
