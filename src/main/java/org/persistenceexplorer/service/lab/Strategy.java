package org.persistenceexplorer.service.lab;

/**
 * How a scenario loads its association: each one a real Hibernate query or per-session setting,
 * never SQL of our own. Immutable.
 */
public enum Strategy {
    LAZY("Lazy", "the mapping's default: each collection or proxy loads when first touched"),
    JOIN_FETCH("JOIN FETCH", "one query: \"left join fetch\" in the HQL"),
    ENTITY_GRAPH("Entity graph", "one query: a fetch graph naming the association, the query unchanged"),
    BATCH("Batch size k", "session.setFetchBatchSize(k): k owners per \"= any(?)\" query (selectinload)"),
    SUBSELECT("SUBSELECT", "session.setSubselectFetchingEnabled(true): the first query again as a subquery (subqueryload)"),
    LAZY_AFTER_CLOSE("Lazy after close", "touch the association after the session closed (raiseload's lesson)");

    private final String label;
    private final String how;

    Strategy(String label, String how) {
        this.label = label;
        this.how = how;
    }

    /** The name on screen. */
    public String label() {
        return label;
    }

    /** What the strategy does in Hibernate terms, one line. */
    public String how() {
        return how;
    }
}
