package org.persistenceexplorer.domain.graph;

import java.time.LocalDate;

/**
 * One {@code DELEGATES_TO} relationship: {@code from} lets {@code to} act for them on one
 * permission ({@code scope}) between two dates (both inclusive). Immutable.
 */
public record Delegation(long fromId, String fromName, long toId, String toName, String scope,
                         LocalDate validFrom, LocalDate validTo) {

    /** Whether the delegation holds on {@code day}. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
