package org.persistenceexplorer.ui.orgchart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.graph.OrgMember;
import org.persistenceexplorer.service.foreigngraph.ForeignOrgChart;
import org.persistenceexplorer.service.foreigngraph.ForeignPerson;
import org.persistenceexplorer.service.foreigngraph.ForeignTeam;

/**
 * The Org Chart tab on a user's own graph: the {@link ForeignOrgChart} reads, and the chart's
 * numbers for the graph's keys (a key may be a String, a Long, ...; the {@link ChartTree} draws
 * numbers). People become {@link OrgMember}s as their teams are fetched. The maps are the FX
 * thread's; {@link #fetchTop} runs in a task and only reads the service.
 */
final class ForeignChart {

    /** Teams fetched with the top until the first view holds about this many people. */
    static final int TOP_PEOPLE = ChartTree.OPEN_AT_START;

    private final ForeignOrgChart chart;
    private final Map<Object, Long> ids = new HashMap<>();
    private final Map<Long, Object> keys = new HashMap<>();
    /** Keys of the people whose teams are in the tree (null for the roots). */
    private final java.util.Set<Object> fetched = new java.util.HashSet<>();

    ForeignChart(ForeignOrgChart chart) {
        this.chart = chart;
    }

    ForeignOrgChart service() {
        return chart;
    }

    /** A team as fetched, under the key of its manager (null: the roots). */
    record Fetched(Object managerKey, ForeignTeam team) {
    }

    /**
     * The roots, then teams level by level while the first view stays small (blocking: in a
     * task). The roots come first in the list.
     */
    List<Fetched> fetchTop() {
        List<Fetched> fetched = new ArrayList<>();
        ForeignTeam roots = chart.roots();
        fetched.add(new Fetched(null, roots));
        long shown = roots.people().size();
        List<ForeignPerson> level = roots.people();
        while (!level.isEmpty()) {
            long next = level.stream().mapToLong(ForeignPerson::reports).sum();
            if (next == 0 || shown + next > TOP_PEOPLE) {
                break;
            }
            List<ForeignPerson> deeper = new ArrayList<>();
            for (ForeignPerson p : level) {
                if (p.reports() > 0) {
                    ForeignTeam team = chart.team(p.key());
                    fetched.add(new Fetched(p.key(), team));
                    deeper.addAll(team.people());
                }
            }
            shown += next;
            level = deeper;
        }
        return fetched;
    }

    /** A tree of what was fetched; people whose teams were not fetched know how many reports they have. */
    ChartTree tree(List<Fetched> fetched) {
        List<OrgMember> members = new ArrayList<>();
        Map<Long, Long> unfetched = new HashMap<>();
        java.util.Set<Object> teamsFetched = new java.util.HashSet<>();
        fetched.forEach(f -> teamsFetched.add(f.managerKey()));
        this.fetched.addAll(teamsFetched);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Fetched f : fetched) {
            Long manager = f.managerKey() == null ? null : id(f.managerKey());
            for (ForeignPerson p : f.team().people()) {
                long id = id(p.key());
                if (seen.add(id)) {
                    members.add(member(p, manager));
                    if (p.reports() > 0 && !teamsFetched.contains(p.key())) {
                        unfetched.put(id, p.reports());
                    }
                }
            }
        }
        return new ChartTree(members, unfetched, ChartTree.DEFAULT_BUDGET);
    }

    /** Adds a fetched team under its manager. */
    void add(ChartTree tree, Fetched fetched) {
        this.fetched.add(fetched.managerKey());
        long manager = id(fetched.managerKey());
        List<OrgMember> team = new ArrayList<>();
        Map<Long, Long> unfetched = new HashMap<>();
        for (ForeignPerson p : fetched.team().people()) {
            team.add(member(p, manager));
            if (p.reports() > 0) {
                unfetched.put(id(p.key()), p.reports());
            }
        }
        tree.addTeam(manager, team, unfetched);
    }

    /** A copy of the keys whose teams are fetched, for a task to skip them. */
    java.util.Set<Object> fetchedTeams() {
        java.util.Set<Object> copy = new java.util.HashSet<>(fetched);
        copy.remove(null);
        return copy;
    }

    /** The chart's number for a graph key (given on first sight). */
    long id(Object key) {
        return ids.computeIfAbsent(key, k -> {
            long id = ids.size() + 1L;
            keys.put(id, k);
            return id;
        });
    }

    /** The graph key behind a chart number, or null. */
    Object key(long id) {
        return keys.get(id);
    }

    private OrgMember member(ForeignPerson p, Long manager) {
        return new OrgMember(id(p.key()), p.name(), chart.mapping().keyProperty() + " " + p.keyText(), null, null, manager);
    }
}
