package org.persistenceexplorer.ui.orgchart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.persistenceexplorer.domain.graph.OrgMember;

/**
 * The org chart's tree and which parts of it are open: the level of detail. Whatever is
 * expanded, at most {@code budget} people are visible: expanding a team collapses the deepest
 * other open teams until the chart fits again (never the expanded person's own line), so a
 * 100,000-person company draws no more than a 2,000-person one. Plain Java, no toolkit: the
 * view draws {@link #visible()}. A tree over a graph too big to read whole (a user's own graph)
 * starts with the top only and knows, per person, how many reports are not fetched yet
 * ({@link #unfetched(long)}); {@link #addTeam} adds a team once it is fetched. Not thread-safe;
 * the FX thread owns it.
 */
public final class ChartTree {

    public static final int DEFAULT_BUDGET = 2_000;
    /** The first view opens levels only while this many people fit: names stay legible. */
    public static final int OPEN_AT_START = 60;

    private final Map<Long, OrgMember> members = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private final List<Long> roots = new ArrayList<>();
    private final Map<Long, Integer> depth = new HashMap<>();
    private final Map<Long, Integer> descendants = new HashMap<>();
    private final Set<Long> expanded = new HashSet<>();
    /** People whose reports the graph has but the tree has not fetched yet, with how many. */
    private final Map<Long, Long> unfetched = new HashMap<>();
    private final int budget;
    private List<Long> visible;

    public ChartTree(List<OrgMember> people, int budget) {
        this(people, Map.of(), budget);
    }

    /**
     * A tree whose teams are fetched on demand.
     *
     * @param unfetched people whose direct reports are not in {@code people} yet, with how many they have
     */
    public ChartTree(List<OrgMember> people, Map<Long, Long> unfetched, int budget) {
        this.budget = budget;
        this.unfetched.putAll(unfetched);
        for (OrgMember m : people) {
            members.put(m.employeeId(), m);
        }
        for (OrgMember m : people) {
            // A manager missing from the graph (or a loop in bad data) makes the person a root.
            if (m.managerId() != null && members.containsKey(m.managerId()) && m.managerId() != m.employeeId()) {
                children.computeIfAbsent(m.managerId(), k -> new ArrayList<>()).add(m.employeeId());
            } else {
                roots.add(m.employeeId());
            }
        }
        Comparator<Long> byName = Comparator.comparing((Long id) -> members.get(id).name(), Comparator.nullsLast(String::compareTo))
                .thenComparing(id -> id);
        children.values().forEach(list -> list.sort(byName));
        roots.sort(byName);
        measure();
        openToBudget(Math.min(budget, OPEN_AT_START));
    }

    /** Depth and subtree sizes, iteratively (a deep chain must not overflow the stack). */
    private void measure() {
        List<Long> order = new ArrayList<>();
        Deque<Long> stack = new ArrayDeque<>();
        for (Long root : roots) {
            depth.put(root, 0);
            stack.push(root);
        }
        while (!stack.isEmpty()) {
            Long id = stack.pop();
            order.add(id);
            for (Long child : children.getOrDefault(id, List.of())) {
                if (!depth.containsKey(child)) {
                    depth.put(child, depth.get(id) + 1);
                    stack.push(child);
                }
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Long id = order.get(i);
            int below = 0;
            for (Long child : children.getOrDefault(id, List.of())) {
                below += 1 + descendants.getOrDefault(child, 0);
            }
            descendants.put(id, below);
        }
    }

    /** Opens level after level from the top while the next level still fits the budget. */
    private void openToBudget(int limit) {
        List<Long> level = new ArrayList<>(roots);
        int shown = roots.size();
        while (!level.isEmpty()) {
            int next = level.stream().mapToInt(id -> children.getOrDefault(id, List.of()).size()).sum();
            if (next == 0 || shown + next > limit) {
                break;
            }
            List<Long> deeper = new ArrayList<>();
            for (Long id : level) {
                if (children.containsKey(id)) {
                    expanded.add(id);
                    deeper.addAll(children.get(id));
                }
            }
            shown += next;
            level = deeper;
        }
        visible = null;
    }

    /** The people drawn now, parents before their children, at most the budget. */
    public List<Long> visible() {
        if (visible == null) {
            List<Long> out = new ArrayList<>();
            Deque<Long> stack = new ArrayDeque<>();
            for (int i = roots.size() - 1; i >= 0; i--) {
                stack.push(roots.get(i));
            }
            while (!stack.isEmpty() && out.size() < budget) {
                Long id = stack.pop();
                out.add(id);
                if (expanded.contains(id)) {
                    List<Long> kids = children.getOrDefault(id, List.of());
                    for (int i = kids.size() - 1; i >= 0; i--) {
                        stack.push(kids.get(i));
                    }
                }
            }
            visible = out;
        }
        return visible;
    }

    public boolean isExpanded(long id) {
        return expanded.contains(id);
    }

    public boolean hasReports(long id) {
        return children.containsKey(id) || unfetched.containsKey(id);
    }

    /** People below {@code id} that are not drawn because it is collapsed (0 when open or a leaf). */
    public int hiddenBelow(long id) {
        if (unfetched.containsKey(id)) {
            return (int) Math.min(Integer.MAX_VALUE, unfetched.get(id));
        }
        return expanded.contains(id) ? 0 : descendants.getOrDefault(id, 0);
    }

    /** How many direct reports of {@code id} the graph has that are not fetched yet (0: none, or fetched). */
    public long unfetched(long id) {
        return unfetched.getOrDefault(id, 0L);
    }

    /**
     * Adds {@code manager}'s team as fetched from the graph and opens it (collapsing others to
     * fit the budget). People already in the tree (someone with two managers) stay where they are.
     *
     * @param theirUnfetched the new people who have reports of their own, with how many
     */
    public void addTeam(long manager, List<OrgMember> team, Map<Long, Long> theirUnfetched) {
        if (!members.containsKey(manager)) {
            return;
        }
        unfetched.remove(manager);
        List<Long> kids = children.computeIfAbsent(manager, k -> new ArrayList<>());
        int added = 0;
        for (OrgMember m : team) {
            if (!members.containsKey(m.employeeId())) {
                members.put(m.employeeId(), m);
                kids.add(m.employeeId());
                added++;
                depth.put(m.employeeId(), depthOf(manager) + 1);
                descendants.put(m.employeeId(), 0);
                if (theirUnfetched.containsKey(m.employeeId())) {
                    unfetched.put(m.employeeId(), theirUnfetched.get(m.employeeId()));
                }
            }
        }
        if (kids.isEmpty()) {
            children.remove(manager);
        }
        // Subtree sizes above the manager grow by the team: the manager and their line.
        descendants.merge(manager, added, Integer::sum);
        for (Long up : lineAbove(manager)) {
            descendants.merge(up, added, Integer::sum);
        }
        expand(manager);
    }

    public int depthOf(long id) {
        return depth.getOrDefault(id, 0);
    }

    /** The manager as the chart knows them, or null at a root. */
    public Long parentOf(long id) {
        OrgMember m = members.get(id);
        return m == null || m.managerId() == null || !members.containsKey(m.managerId()) || roots.contains(id)
                ? null : m.managerId();
    }

    public OrgMember member(long id) {
        return members.get(id);
    }

    public int size() {
        return members.size();
    }

    public int budget() {
        return budget;
    }

    /** Opens {@code id}'s team; collapses other teams if the chart would exceed the budget. */
    public void expand(long id) {
        if (!children.containsKey(id)) {
            return;
        }
        expanded.add(id);
        fitBudget(id);
    }

    public void collapse(long id) {
        expanded.remove(id);
        visible = null;
    }

    /** Expands a collapsed team, collapses an open one. */
    public void toggle(long id) {
        if (expanded.contains(id)) {
            collapse(id);
        } else {
            expand(id);
        }
    }

    /** Opens every manager above {@code id} so the person is drawn. */
    public void reveal(long id) {
        Set<Long> line = lineAbove(id);
        expanded.addAll(line);
        fitBudget(id);
    }

    /** {@code id} and everyone above them. */
    public Set<Long> lineAbove(long id) {
        Set<Long> line = new LinkedHashSet<>();
        Long up = parentOf(id);
        while (up != null && line.add(up)) {
            up = parentOf(up);
        }
        return line;
    }

    private void fitBudget(long keep) {
        visible = null;
        Set<Long> protectedLine = lineAbove(keep);
        protectedLine.add(keep);
        while (countVisible() > budget) {
            Long deepest = null;
            for (Long open : expanded) {
                if (!protectedLine.contains(open) && (deepest == null || depthOf(open) > depthOf(deepest)
                        || depthOf(open) == depthOf(deepest) && descendants.get(open) > descendants.get(deepest))) {
                    deepest = open;
                }
            }
            if (deepest == null) {
                break; // only the protected line is open: visible() cuts at the budget
            }
            expanded.remove(deepest);
        }
        visible = null;
    }

    private int countVisible() {
        int count = 0;
        Deque<Long> stack = new ArrayDeque<>(roots);
        while (!stack.isEmpty()) {
            Long id = stack.pop();
            count++;
            if (count > budget) {
                return count;
            }
            if (expanded.contains(id)) {
                children.getOrDefault(id, List.of()).forEach(stack::push);
            }
        }
        return count;
    }

    /** People whose name contains {@code text} (case-insensitive), names starting with it first. */
    public List<OrgMember> search(String text, int limit) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        List<OrgMember> starts = new ArrayList<>();
        List<OrgMember> contains = new ArrayList<>();
        for (OrgMember m : members.values()) {
            String name = m.name() == null ? "" : m.name().toLowerCase(Locale.ROOT);
            if (name.startsWith(needle)) {
                starts.add(m);
            } else if (name.contains(needle)) {
                contains.add(m);
            }
        }
        Comparator<OrgMember> byName = Comparator.comparing(OrgMember::name).thenComparing(OrgMember::employeeId);
        starts.sort(byName);
        contains.sort(byName);
        starts.addAll(contains);
        return starts.size() > limit ? List.copyOf(starts.subList(0, limit)) : List.copyOf(starts);
    }
}
