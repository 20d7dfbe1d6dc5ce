package org.persistenceexplorer.service.tables.entity;

/**
 * Where an entity instance stands towards a Hibernate session (JPA's lifecycle): new and unknown
 * to any session, managed by an open one (its changes are flushed), detached from a closed one,
 * or scheduled for deletion.
 */
public enum EntityState {
    TRANSIENT("transient"), MANAGED("managed"), DETACHED("detached"), REMOVED("removed");

    private final String label;

    EntityState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
