package org.persistenceexplorer.service.orggraph;

import java.util.Optional;

/**
 * One look-up of a profile through the cache.
 *
 * @param profile         the profile, empty when the graph has no such person
 * @param hit             true when the cache answered (and no statement ran)
 * @param graphStatements Cypher statements this look-up cost (0 on a hit)
 * @param sqlStatements   SQL statements this look-up cost (0 on a hit)
 * @param counts          the cache's counters after the look-up
 */
public record ProfileLookup(Optional<PersonProfile> profile, boolean hit, int graphStatements, int sqlStatements,
                            CacheCounts counts) {

    /**
     * The cache's counters since it was built.
     *
     * @param evictions entries dropped because the cache was full (not invalidations)
     */
    public record CacheCounts(long hits, long misses, long evictions, long invalidations, long size) {

        public String describe() {
            return hits + (hits == 1 ? " hit, " : " hits, ") + misses + (misses == 1 ? " miss, " : " misses, ")
                    + evictions + (evictions == 1 ? " eviction, " : " evictions, ") + invalidations + " invalidated, "
                    + size + " cached";
        }
    }
}
