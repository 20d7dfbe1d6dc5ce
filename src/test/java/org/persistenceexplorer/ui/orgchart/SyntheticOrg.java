package org.persistenceexplorer.ui.orgchart;

import java.util.ArrayList;
import java.util.List;
import org.persistenceexplorer.domain.graph.OrgMember;

/** A made-up company for chart tests and benchmarks: a CEO, then teams of {@code span} down to {@code size} people. */
final class SyntheticOrg {

    private SyntheticOrg() {
    }

    static List<OrgMember> of(int size, int span) {
        List<OrgMember> people = new ArrayList<>();
        String[] departments = {"Engineering", "Sales", "Support", "Finance", "Marketing", "Operations"};
        for (int i = 1; i <= size; i++) {
            Long manager = i == 1 ? null : (long) ((i - 2) / span + 1);
            String role = i == 1 ? "Executive" : i <= 1 + span ? "Manager" : "Staff";
            people.add(new OrgMember(i, "Person " + i, role, departments[i % departments.length], role, manager));
        }
        return people;
    }
}
