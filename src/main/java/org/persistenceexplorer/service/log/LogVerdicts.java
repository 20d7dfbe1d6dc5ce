package org.persistenceexplorer.service.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.QueryShape;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * The log explains itself: groups each action's statements by shape and names what the groups
 * mean. The rule, with exact counts and no time threshold: a SELECT shape filtered by one key
 * ({@code where x.col = ?}) that ran {@value #REPEATS} or more times in one action with
 * different values is an <b>N+1</b>, named by the relationship the ORM maps on that key, with
 * its fix. A batch fetch ({@code = any(?)}), a join fetch and a subselect never match it.
 * Statements repeated with the same shape and the same parameters are <b>duplicates</b>.
 * Unused eager loads are reported by whoever can tell ({@link #report}); Hibernate alone cannot
 * (it knows what is loaded, not what was read). Reads the {@link StatementLog} with its own
 * cursor: call {@link #update()} at the reader's pace (the UI tick). Thread-safe.
 */
public final class LogVerdicts {

    /** How many repeats of one keyed SELECT shape in one action make an N+1 verdict. */
    public static final int REPEATS = 3;
    /** The rule in the user's words, for the UI. */
    public static final String RULE = "N+1 rule: the same SELECT, filtered by one key (where x.col = ?), run "
            + REPEATS + " or more times within one action with different values. Exact counts, no time threshold. "
            + "Batch fetches (= any(?)), join fetches and subselects never count.";
    static final int MAX_ACTIONS = 200;
    /** Distinct parameter lists remembered per shape (for telling duplicates); beyond it, not tracked. */
    static final int MAX_DISTINCT = 20_000;

    private static final Pattern FROM = Pattern.compile("\\bfrom ([a-z_][\\w.]*) ([a-z_]\\w*)");
    private static final Pattern KEYED = Pattern.compile("\\bwhere ([a-z_]\\w*)\\.([a-z_]\\w*) ?= ?\\?$");

    private final StatementLog log;
    private final Supplier<RelationshipNames> names;
    private long cursor;
    private long resets;
    private final LinkedHashMap<String, Map<String, Group>> actions = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Group>> eldest) {
            return size() > MAX_ACTIONS;
        }
    };
    private final List<Verdict> reported = new ArrayList<>();
    private final Set<String> dismissed = new HashSet<>();
    /** The last text's shape: an N+1 sends the same text again and again. */
    private String lastText;
    private String lastShape;
    /** Moves on whenever what {@link #open()} says may have changed: statements taken in, a report, a dismissal, a reset. */
    private long changes;

    public LogVerdicts(StatementLog log, Supplier<RelationshipNames> names) {
        this.log = log;
        this.names = names;
    }

    /** Reads what arrived since the last call; a cleared log clears the groups and verdicts too. */
    public synchronized void update() {
        StatementLog.Position position = log.position();
        if (position.resets() != resets) {
            resets = position.resets();
            actions.clear();
            reported.clear();
            dismissed.clear();
            changes++;
        }
        StatementLog.Page page = log.readFrom(cursor);
        cursor = page.next();
        for (CapturedStatement s : page.statements()) {
            add(s);
        }
        if (!page.statements().isEmpty()) {
            changes++;
        }
    }

    /**
     * A number that moves on whenever the verdicts may have changed; a reader that saw the same
     * number last time can skip working them out again (the UI tick, while nothing arrives).
     */
    public synchronized long changes() {
        return changes;
    }

    private void add(CapturedStatement s) {
        if (s.kind() == StatementKind.TX || !s.succeeded()) {
            return;
        }
        String shape;
        if (s.text().equals(lastText)) {
            shape = lastShape;
        } else {
            shape = QueryShape.of(s.text());
            lastText = s.text();
            lastShape = shape;
        }
        Group group = actions.computeIfAbsent(s.action(), a -> new HashMap<>())
                .computeIfAbsent(shape, sh -> new Group(s.kind(), sh));
        group.count += s.executions();
        if (group.parameters.size() < MAX_DISTINCT) {
            // the text too: a statement with its literals inlined repeats only if the literals match
            if (!group.parameters.add(List.of(s.text(), s.parameters()))) {
                group.duplicates += s.executions();
            }
        }
    }

    /** A verdict found by someone who can tell (the loading lab's unused eager loads). */
    public synchronized void report(Verdict verdict) {
        reported.add(verdict);
        changes++;
    }

    /** Hides the open verdicts (they come back if they grow). */
    public synchronized void dismissAll() {
        for (Verdict v : open()) {
            dismissed.add(v.headline() + "|" + v.action());
        }
        changes++;
    }

    /** The action's statements grouped by shape, most executions first. */
    public synchronized List<ShapeGroup> groups(String action) {
        Map<String, Group> groups = actions.getOrDefault(action, Map.of());
        return groups.values().stream().map(g -> g.describe(action))
                .sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
    }

    /** Every open verdict, newest action last. */
    public synchronized List<Verdict> open() {
        List<Verdict> verdicts = new ArrayList<>();
        RelationshipNames relationships = names.get();
        for (Map.Entry<String, Map<String, Group>> action : actions.entrySet()) {
            for (Group g : action.getValue().values()) {
                ShapeGroup group = g.describe(action.getKey());
                if (group.kind() == StatementKind.SELECT && !group.keyColumn().isEmpty()
                        && group.count() >= REPEATS && group.distinct() >= REPEATS) {
                    String relationship = relationships.name(group.table(), group.keyColumn()).orElse(null);
                    String subject = relationship != null ? relationship : group.table() + " by " + group.keyColumn();
                    String fix = "Load " + subject + " with the owners: a join fetch (left join fetch), an entity graph, "
                            + "or a batch size (@BatchSize / hibernate.default_batch_fetch_size) to fetch many at once. "
                            + group.describe() + ".";
                    verdicts.add(new Verdict(Verdict.Kind.N_PLUS_ONE, action.getKey(), subject, group.count(), fix,
                            filterFor(g)));
                }
                if (group.duplicates() > 0 && group.kind() == StatementKind.SELECT) {
                    verdicts.add(new Verdict(Verdict.Kind.DUPLICATES, action.getKey(),
                            group.table().isEmpty() ? "same query" : group.table(), group.duplicates(),
                            "The same statement with the same parameters ran again: keep the first result "
                                    + "(the session's cache, a query cache or a variable).", filterFor(g)));
                }
            }
        }
        verdicts.addAll(reported);
        verdicts.removeIf(v -> dismissed.contains(v.headline() + "|" + v.action()));
        return verdicts;
    }

    /** Open N+1 and unused-eager verdicts (what the status bar shows), newest last. */
    public synchronized List<Verdict> openLoadingVerdicts() {
        return open().stream().filter(v -> v.kind() != Verdict.Kind.DUPLICATES).toList();
    }

    private static String filterFor(Group g) {
        return g.table.isEmpty() ? g.shape : g.table + " " + g.alias + "." + g.keyColumn;
    }

    /** Mutable counts of one shape; guarded by the enclosing instance. */
    private static final class Group {
        final StatementKind kind;
        final String shape;
        final String table;
        final String alias;
        final String keyColumn;
        long count;
        long duplicates;
        final Set<List<Object>> parameters = new HashSet<>();

        Group(StatementKind kind, String shape) {
            this.kind = kind;
            this.shape = shape;
            Matcher from = FROM.matcher(shape);
            Matcher keyed = KEYED.matcher(shape);
            String t = "";
            String a = "";
            String k = "";
            if (from.find()) {
                t = from.group(1);
                if (keyed.find()) {
                    a = keyed.group(1);
                    k = keyed.group(2);
                }
            }
            this.table = t;
            this.alias = a;
            this.keyColumn = k;
        }

        ShapeGroup describe(String action) {
            return new ShapeGroup(action, kind, shape, count, parameters.size(), duplicates, table, keyColumn);
        }
    }
}
