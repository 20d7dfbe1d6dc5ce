package org.persistenceexplorer.service.txlab;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hermitage's published PostgreSQL column (github ept/hermitage, README's table, PostgreSQL
 * rows): which anomalies each level prevents. Hermitage has no READ UNCOMMITTED row for
 * PostgreSQL; PostgreSQL documents it as READ COMMITTED, so the lab expects that row there.
 * Immutable.
 */
public final class Hermitage {

    private static final Set<String> READ_COMMITTED = Set.of("G0", "G1a", "G1b", "G1c", "OTV");
    private static final Map<Isolation, Set<String>> PREVENTS = Map.of(
            Isolation.READ_UNCOMMITTED, READ_COMMITTED,
            Isolation.READ_COMMITTED, READ_COMMITTED,
            Isolation.REPEATABLE_READ, Set.of("G0", "G1a", "G1b", "G1c", "OTV", "PMP", "P4", "G-single"),
            Isolation.SERIALIZABLE, Set.of("G0", "G1a", "G1b", "G1c", "OTV", "PMP", "P4", "G-single", "G2-item", "G2"));

    /** Hermitage's columns, in its order. */
    public static final List<String> COLUMNS = List.of("G0", "G1a", "G1b", "G1c", "OTV", "PMP", "P4", "G-single", "G2-item", "G2");

    private Hermitage() {
    }

    /** True when Hermitage says PostgreSQL at this level prevents the test's anomaly (✓), false for —. */
    public static boolean prevents(AnomalyTest test, Isolation level) {
        return PREVENTS.get(level).contains(test.family());
    }
}
