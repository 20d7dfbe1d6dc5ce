package org.persistenceexplorer.service.foreigngraph;

import java.util.List;

/**
 * A slice of the chart as one statement fetched it: the people (at most the statement's limit,
 * by name) and how many there are in all, so the chart can say "200 of 1,340 shown". Immutable.
 */
public record ForeignTeam(List<ForeignPerson> people, long total) {

    public ForeignTeam {
        people = List.copyOf(people);
    }

    /** True when the statement's limit cut the list. */
    public boolean cut() {
        return people.size() < total;
    }
}
