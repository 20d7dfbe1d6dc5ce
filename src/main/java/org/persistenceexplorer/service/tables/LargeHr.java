package org.persistenceexplorer.service.tables;

import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.service.hrdata.GeneratedHr;
import org.persistenceexplorer.service.hrdata.HrGenerator;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.sql.MigrationTrack;
import org.persistenceexplorer.store.sql.Migrations;

/**
 * A big copy of the HR sample for performance work, in a schema of its own ({@value #SCHEMA}):
 * migrated with the hr track (so it has the hr tables' exact shape), then filled by the HR
 * generator with 10,000 to a million employees. The sample schema {@code hr} (300 people, the
 * org chart's source) is never touched. Blocking; call off the FX thread. Thread-safe.
 */
public final class LargeHr {

    /** Where the generated company lives. */
    public static final String SCHEMA = "hr_large";

    private final Supplier<DataSource> dataSource;
    private final HrGenerator generator;

    public LargeHr(Supplier<DataSource> dataSource, HrGenerator generator) {
        this.dataSource = dataSource;
        this.generator = generator;
    }

    /**
     * Migrates {@value #SCHEMA} with the hr track if needed, then replaces its rows with a
     * company of {@code employees}. Cancellable: a cancelled run leaves the previous rows.
     */
    public GeneratedHr generate(int employees, Progress progress) throws SQLException {
        progress.update(-1, "Preparing schema " + SCHEMA + " (hr migrations)");
        new Migrations(dataSource.get()).migrate(new MigrationTrack("hr", SCHEMA));
        return generator.generate(SCHEMA, employees, progress);
    }
}
