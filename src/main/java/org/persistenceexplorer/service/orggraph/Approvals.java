package org.persistenceexplorer.service.orggraph;

import java.time.LocalDate;
import java.util.List;

/**
 * The delegation resolver's answer: every chain it found, nearest first. Immutable.
 *
 * @param personName null when the graph has no such person
 * @param cypher     the statements the resolver ran, to show
 */
public record Approvals(long personId, String personName, String permission, LocalDate day,
                        List<ApprovalChain> chains, List<String> cypher) {

    public Approvals {
        chains = List.copyOf(chains);
        cypher = List.copyOf(cypher);
    }

    public boolean personFound() {
        return personName != null;
    }

    public List<ApprovalChain> authorised() {
        return chains.stream().filter(c -> c.status() == ApprovalChain.Status.AUTHORISED).toList();
    }

    public List<ApprovalChain> expired() {
        return chains.stream().filter(c -> c.status() == ApprovalChain.Status.EXPIRED).toList();
    }

    public List<ApprovalChain> cycles() {
        return chains.stream().filter(c -> c.status() == ApprovalChain.Status.CYCLE).toList();
    }
}
