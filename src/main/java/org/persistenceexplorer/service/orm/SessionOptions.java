package org.persistenceexplorer.service.orm;

/**
 * Settings a lab varies per Hibernate session, on the one app-wide SessionFactory (Hibernate
 * allows these per session, so no second factory is needed). Immutable.
 *
 * @param jdbcBatchSize       statements per JDBC batch on flush, or null for the factory's (20)
 * @param fetchBatchSize      how many lazy associations one SELECT loads ({@code = any(?)}), or
 *                            null for the factory's (none: one SELECT each, the N+1 case)
 * @param subselectFetching   load a collection for every owner of the first query at once
 */
public record SessionOptions(Integer jdbcBatchSize, Integer fetchBatchSize, boolean subselectFetching) {

    /** The factory's own settings. */
    public static final SessionOptions DEFAULTS = new SessionOptions(null, null, false);

    public SessionOptions withFetchBatchSize(int size) {
        return new SessionOptions(jdbcBatchSize, size, subselectFetching);
    }

    public SessionOptions withJdbcBatchSize(int size) {
        return new SessionOptions(size, fetchBatchSize, subselectFetching);
    }

    public SessionOptions withSubselectFetching(boolean on) {
        return new SessionOptions(jdbcBatchSize, fetchBatchSize, on);
    }
}
