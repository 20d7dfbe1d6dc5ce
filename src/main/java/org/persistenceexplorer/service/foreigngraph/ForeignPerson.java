package org.persistenceexplorer.service.foreigngraph;

/**
 * One person of a user's graph as the chart draws them: their key (the mapped property's value,
 * as the driver returns it: a String, a Long, ...), display name and how many people report to
 * them directly (to show a closed team without fetching it). Immutable.
 */
public record ForeignPerson(Object key, String name, long reports) {

    /** The key as text, for labels and messages. */
    public String keyText() {
        return String.valueOf(key);
    }
}
