package org.persistenceexplorer.service.orggraph;

import java.util.ArrayList;
import java.util.List;
import org.persistenceexplorer.domain.graph.Delegation;

/**
 * One answer of the delegation resolver, with how it was reached: the person asked about, up
 * the chain of command to a holder of the permission, then along delegations. Immutable.
 *
 * @param ids            employeeIds in order: the person, their managers up to the holder, then the delegates
 * @param reportingLinks how many of the first links are REPORTS_TO (the rest are DELEGATES_TO)
 * @param status         AUTHORISED, or why the last link does not count
 */
public record ApprovalChain(List<Long> ids, List<String> names, int reportingLinks, Status status) {

    /** What the chain's last link means. */
    public enum Status {
        /** The last person may approve. */
        AUTHORISED,
        /** The last delegation is outside its validity window: not an approver. */
        EXPIRED,
        /** The last delegation leads back into the chain: a cycle, not followed. */
        CYCLE
    }

    public ApprovalChain {
        ids = List.copyOf(ids);
        names = List.copyOf(names);
    }

    /** The last person of the chain. */
    public long approverId() {
        return ids.get(ids.size() - 1);
    }

    public String approverName() {
        return names.get(names.size() - 1);
    }

    public int delegations() {
        return ids.size() - 1 - reportingLinks;
    }

    /** The holder and the delegates after them. */
    List<Long> delegatedPart() {
        return ids.subList(reportingLinks, ids.size());
    }

    ApprovalChain extend(Delegation link, Status linkStatus) {
        List<Long> longerIds = new ArrayList<>(ids);
        longerIds.add(link.toId());
        List<String> longerNames = new ArrayList<>(names);
        longerNames.add(link.toName());
        return new ApprovalChain(longerIds, longerNames, reportingLinks, linkStatus);
    }

    /** E.g. "Dee → Bob (manager) ⇒ Cy ⇒ Eve [expired]". */
    public String describe() {
        StringBuilder text = new StringBuilder(names.get(0));
        for (int i = 1; i < names.size(); i++) {
            text.append(i <= reportingLinks ? " → " : " ⇒ ").append(names.get(i));
        }
        if (status == Status.EXPIRED) {
            text.append("  [expired]");
        } else if (status == Status.CYCLE) {
            text.append("  [cycle: back to ").append(approverName()).append(']');
        }
        return text.toString();
    }
}
