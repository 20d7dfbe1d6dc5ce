package org.persistenceexplorer.service.engine;

/** The PostgreSQL connection pool at one moment: connections in use, idle, and callers waiting. */
public record PoolStatus(int active, int idle, int waiting, int total, int max) {

    public static final PoolStatus NONE = new PoolStatus(0, 0, 0, 0, 0);
}
