package org.persistenceexplorer.ui.orgchart;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.domain.graph.OrgMember;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.foreigngraph.ForeignFacts;
import org.persistenceexplorer.service.foreigngraph.ForeignPerson;
import org.persistenceexplorer.service.foreigngraph.ForeignTeam;
import org.persistenceexplorer.service.foreigngraph.OrgMapping;
import org.persistenceexplorer.service.orggraph.ApprovalChain;
import org.persistenceexplorer.service.orggraph.Approvals;
import org.persistenceexplorer.service.orggraph.ConstraintLesson;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.service.orggraph.PersonProfile;
import org.persistenceexplorer.service.orggraph.ProfileLookup;
import org.persistenceexplorer.service.orggraph.SyncOutcome;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.BackgroundTask;
import org.persistenceexplorer.ui.common.RunningTask;

/**
 * The Org Chart tab's state and commands: whether Neo4j can be used (the tab loads the chart by
 * itself once it can, and again after it was lost), the {@link ChartTree} with its level of
 * detail, search, the selected person's cross-store profile with the cache's counts, the
 * resolver's answer and paths as a chain to highlight with the Cypher behind it, sync and the
 * constraint lesson. All engine work goes through the runner; FX thread.
 *
 * <p>On a profile whose Neo4j is not the app's, the tab charts the user's own graph through the
 * profile's stored {@link OrgMapping} ({@link ForeignChart}): read-only, the top first and each
 * team when it is opened, search on the server, the person panel from the graph alone. Without
 * a mapping it asks for one ("Map your graph…").
 */
public final class OrgChartViewModel {

    static final int SUGGESTIONS = 8;

    private final Supplier<List<EngineStatus>> engines;
    private final BackgroundRunner runner;
    private final OrgChartServices services;
    private final ReadOnlyStringWrapper graphAvailability = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper graphUp = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ChartTree> tree = new ReadOnlyObjectWrapper<>();
    /** Bumped whenever the visible part of the tree changes: the view redraws. */
    private final ReadOnlyIntegerWrapper chartVersion = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Long> focused = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PersonProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper cacheLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Long>> highlight = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cypher = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> permissions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper syncProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper syncStep = new ReadOnlyStringWrapper("");
    /** The sync or generation running now, for its progress and Cancel; null when none is. */
    private RunningTask syncTask;
    private long syncsStarted;
    private long syncsFinished;
    private Long pathStart;
    private boolean loading;
    private final GraphMappings mappings;
    /** The user's graph through its mapping, or null on the app's own graph. */
    private ForeignChart foreign;
    private final ReadOnlyBooleanWrapper external = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper foreignMode = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ForeignFacts> foreignFacts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper mappingLine = new ReadOnlyStringWrapper("");
    static final String READ_ONLY = "This works on the app's own graph only: your graph is charted read-only.";

    public OrgChartViewModel(Supplier<List<EngineStatus>> engines, BackgroundRunner runner, OrgChartServices services) {
        this(engines, runner, services, null);
    }

    /** @param mappings how to chart an external Neo4j's own graph, or null to chart only the app's */
    public OrgChartViewModel(Supplier<List<EngineStatus>> engines, BackgroundRunner runner, OrgChartServices services,
                             GraphMappings mappings) {
        this.engines = engines;
        this.runner = runner;
        this.services = services;
        this.mappings = mappings;
    }

    /** On the tab's ticks: follows the engine, loads the chart once Neo4j is up (again). */
    public void refresh() {
        EngineStatus neo4j = engines.get().stream().filter(s -> s.engine() == Engine.NEO4J).findFirst().orElse(null);
        if (neo4j == null) {
            graphAvailability.set("");
        } else if (neo4j.up()) {
            graphAvailability.set("Neo4j is up at " + neo4j.address() + ".");
        } else if (neo4j.state() == EngineStatus.State.LOST) {
            graphAvailability.set("Neo4j was lost: " + neo4j.detail());
        } else if (neo4j.state() == EngineStatus.State.FAILED) {
            graphAvailability.set((neo4j.embedded() ? "Neo4j did not start: " : "Neo4j cannot be reached: ")
                    + neo4j.detail() + " Use Retry in the status bar.");
        } else {
            graphAvailability.set("Neo4j is starting" + (neo4j.detail().isEmpty() ? "" : " (" + neo4j.detail() + ")") + "…");
        }
        boolean up = neo4j != null && neo4j.up();
        boolean cameUp = up && !graphUp.get();
        graphUp.set(up);
        external.set(neo4j != null && !neo4j.embedded() && mappings != null);
        if (cameUp && external.get()) {
            openMapping();
        } else if (cameUp) {
            leaveForeign();
            if (services != null) {
                load();
            }
        }
    }

    /**
     * The app's engines moved to other servers (a profile switch): the next tick treats Neo4j
     * as come up again, so the chart is read anew (the app's graph, or the new profile's mapping).
     */
    public void enginesChanged() {
        graphUp.set(false);
        loading = false;
    }

    /** Reads the profile's stored mapping and charts the graph through it, or asks for one. */
    private void openMapping() {
        String profileName = mappings.profileName().get();
        runner.task("org chart: read the mapping", p -> mappings.store().find(profileName))
                .replacing("orgchart.mapping")
                .onSuccess(found -> found.ifPresentOrElse(this::useMapping, () -> {
                    leaveForeign();
                    tree.set(null);
                    chartVersion.set(chartVersion.get() + 1);
                    message.set("This Neo4j is not the app's own: use “Map your graph…” to say which label is a person"
                            + " and which relationship leads to their manager.");
                }))
                .onFailure(e -> message.set("Could not read the saved mapping: " + e.getMessage()))
                .start();
    }

    /** Charts the profile's graph through the mapping (the dialog calls this after saving it). */
    public void useMapping(OrgMapping mapping) {
        foreign = new ForeignChart(mappings.chart(mapping));
        foreignMode.set(true);
        mappingLine.set("Your graph: (:" + mapping.personLabel() + ")" + (mapping.towardsManager() ? "-[:" + mapping.managerType()
                + "]->(manager)" : "<-[:" + mapping.managerType() + "]-(manager)") + ", key " + mapping.keyProperty()
                + ", name " + mapping.nameProperty() + "; read-only.");
        selected.set(null);
        profile.set(null);
        foreignFacts.set(null);
        permissions.clear();
        load();
    }

    private void leaveForeign() {
        foreign = null;
        foreignMode.set(false);
        foreignFacts.set(null);
        mappingLine.set("");
    }

    /** Reads the chart from the graph (and the permission names). */
    public void load() {
        if (foreign != null) {
            loadForeign(foreign);
            return;
        }
        if (loading) {
            return;
        }
        loading = true;
        runner.task("org chart: load", p -> new Loaded(services.reader().members(), services.reader().permissions()))
                .replacing("orgchart.load")
                .onSuccess(loaded -> {
                    loading = false;
                    show(loaded.members());
                    permissions.setAll(loaded.permissions());
                })
                .onFailure(e -> {
                    loading = false;
                    message.set("Could not read the org chart: " + e.getMessage());
                })
                .onCancelled(() -> loading = false)
                .start();
    }

    private record Loaded(List<OrgMember> members, List<String> permissions) {
    }

    private void loadForeign(ForeignChart chart) {
        runner.task("org chart: your graph's top", p -> {
            p.update(-1, "Reading the top of the chart");
            return chart.fetchTop();
        })
                .replacing("orgchart.load")
                .onSuccess(fetched -> {
                    if (chart != foreign) {
                        return; // another mapping replaced this one meanwhile
                    }
                    ChartTree fresh = chart.tree(fetched);
                    tree.set(fresh);
                    highlight.set(List.of());
                    selected.set(null);
                    foreignFacts.set(null);
                    chartVersion.set(chartVersion.get() + 1);
                    ForeignTeam roots = fetched.get(0).team();
                    String type = chart.service().mapping().managerType();
                    message.set(roots.total() == 0
                            ? "No hierarchy: nobody in the graph has reports through " + type + ". Map another relationship."
                            : roots.total() + (roots.total() == 1 ? " root" : " roots") + (roots.cut() ? " (the first "
                            + roots.people().size() + " by name drawn)" : "") + "; " + fresh.visible().size()
                            + " people drawn; teams are read when you open them.");
                })
                .onFailure(e -> message.set("Could not read your graph: " + e.getMessage()))
                .start();
    }

    /** Fetches a closed team of the user's graph, then opens it. */
    private void fetchTeam(long id) {
        ForeignChart chart = foreign;
        Object key = chart.key(id);
        runner.task("org chart: open a team", p -> new ForeignChart.Fetched(key, chart.service().team(key)))
                .replacing("orgchart.team")
                .onSuccess(fetched -> {
                    ChartTree t = tree.get();
                    if (chart != foreign || t == null || t.member(id) == null) {
                        return;
                    }
                    chart.add(t, fetched);
                    ForeignTeam team = fetched.team();
                    message.set(t.member(id).name() + "'s team opened: " + (team.cut() ? "the first " + team.people().size()
                            + " of " + team.total() : String.valueOf(team.total())) + " read; " + t.visible().size()
                            + " people drawn.");
                    chartVersion.set(chartVersion.get() + 1);
                })
                .onFailure(e -> message.set("Could not read the team: " + e.getMessage()))
                .start();
    }

    /** Reads the lines of managers above the people, fetching the teams on them the chart lacks. */
    private record Lines(List<List<ForeignPerson>> lines, List<ForeignChart.Fetched> teams) {
    }

    private static Lines lines(ForeignChart chart, java.util.Set<Object> fetched, List<Object> people) {
        List<List<ForeignPerson>> lines = new java.util.ArrayList<>();
        List<ForeignChart.Fetched> teams = new java.util.ArrayList<>();
        java.util.Set<Object> have = new java.util.HashSet<>(fetched);
        for (Object person : people) {
            List<ForeignPerson> line = chart.service().lineAbove(person).orElse(List.of());
            lines.add(line);
            for (int i = 0; i < line.size() - 1; i++) {
                Object manager = line.get(i).key();
                if (have.add(manager)) {
                    teams.add(new ForeignChart.Fetched(manager, chart.service().team(manager)));
                }
            }
        }
        return new Lines(lines, teams);
    }

    private void searchForeign(String text) {
        ForeignChart chart = foreign;
        java.util.Set<Object> fetched = chart.fetchedTeams();
        runner.task("org chart: find in your graph", p -> {
            List<ForeignPerson> hits = chart.service().search(text, 1);
            return hits.isEmpty() ? null : lines(chart, fetched, List.of(hits.get(0).key()));
        })
                .replacing("orgchart.search")
                .onSuccess(found -> {
                    ChartTree t = tree.get();
                    if (chart != foreign || t == null) {
                        return;
                    }
                    if (found == null) {
                        message.set("No one called '" + text.strip() + "' in your graph.");
                        return;
                    }
                    found.teams().forEach(team -> chart.add(t, team));
                    List<ForeignPerson> line = found.lines().get(0);
                    if (line.isEmpty()) {
                        message.set("'" + text.strip() + "' found, but their managers lead round in a cycle: no root above"
                                + " them, so they are not in the chart.");
                        return;
                    }
                    focus(chart.id(line.get(line.size() - 1).key()));
                })
                .onFailure(e -> message.set("Search failed: " + e.getMessage()))
                .start();
    }

    void show(List<OrgMember> members) {
        ChartTree fresh = new ChartTree(members, ChartTree.DEFAULT_BUDGET);
        tree.set(fresh);
        highlight.set(List.of()); // a chain of the old chart may name people no longer there
        Long keep = selected.get();
        if (keep != null && fresh.member(keep) != null) {
            fresh.reveal(keep);
            if (services != null) {
                select(keep); // the person may have changed with the data: read the profile again
            }
        } else {
            selected.set(null);
            profile.set(null);
        }
        message.set(members.isEmpty() ? "The graph has no people yet: press Sync to bring them from HR."
                : members.size() + " people; " + fresh.visible().size() + " drawn.");
        chartVersion.set(chartVersion.get() + 1);
    }

    /** Names for the search box: starting with the text first. */
    public List<OrgMember> suggestions(String text) {
        ChartTree t = tree.get();
        return t == null ? List.of() : t.search(text, SUGGESTIONS);
    }

    /** Finds the person by name (the first suggestion), opens their line, centres and selects them. */
    public void search(String text) {
        if (foreign != null && text != null && !text.isBlank()) {
            searchForeign(text);
            return;
        }
        List<OrgMember> found = suggestions(text);
        if (found.isEmpty()) {
            message.set(text == null || text.isBlank() ? "Type a name to find someone."
                    : "No one called '" + text.strip() + "' in the org chart.");
            return;
        }
        focus(found.get(0).employeeId());
    }

    /** Opens the person's line, centres on them and selects them. */
    public void focus(long id) {
        ChartTree t = tree.get();
        if (t == null || t.member(id) == null) {
            return;
        }
        t.reveal(id);
        message.set(t.member(id).name() + " found; " + t.visible().size() + " of " + t.size() + " drawn.");
        highlight.set(List.copyOf(new java.util.ArrayList<>(t.lineAbove(id))));
        chartVersion.set(chartVersion.get() + 1);
        focused.set(null);
        focused.set(id);
        select(id);
    }

    public void toggle(long id) {
        ChartTree t = tree.get();
        if (foreign != null && t != null && t.unfetched(id) > 0) {
            fetchTeam(id);
            return;
        }
        if (t != null && t.hasReports(id)) {
            t.toggle(id);
            message.set(t.member(id).name() + (t.isExpanded(id) ? "'s team opened; " : "'s team closed; ")
                    + t.visible().size() + " of " + t.size() + " drawn.");
            chartVersion.set(chartVersion.get() + 1);
        }
    }

    /** Selects a person and looks up their cross-store profile through the cache. */
    public void select(long id) {
        selected.set(id);
        if (foreign != null) {
            selectForeign(id);
            return;
        }
        runner.task("org chart: profile", p -> services.profiles().lookup(id))
                .replacing("orgchart.profile")
                .onSuccess(this::showProfile)
                .onFailure(e -> message.set("Could not read the profile: " + e.getMessage()))
                .start();
    }

    private void selectForeign(long id) {
        ForeignChart chart = foreign;
        Object key = chart.key(id);
        runner.task("org chart: person in your graph", p -> chart.service().facts(key))
                .replacing("orgchart.profile")
                .onSuccess(facts -> {
                    if (chart != foreign) {
                        return;
                    }
                    profile.set(null);
                    foreignFacts.set(facts.orElse(null));
                    cacheLine.set("Read from your graph now (no cache, no SQL).");
                    if (facts.isEmpty()) {
                        message.set("That person is no longer in the graph.");
                    }
                })
                .onFailure(e -> message.set("Could not read the person: " + e.getMessage()))
                .start();
    }

    private void showProfile(ProfileLookup lookup) {
        profile.set(lookup.profile().orElse(null));
        if (lookup.profile().isEmpty()) {
            message.set("That person is no longer in the graph.");
        }
        cacheLine.set((lookup.hit() ? "Cache hit: no statement. " : "Cache miss: " + lookup.graphStatements()
                + " Cypher + " + lookup.sqlStatements() + " SQL statement(s). ") + "Cache: " + lookup.counts().describe() + ".");
    }

    /** Who may approve {@code permission} for the selected person today. */
    public void whoMayApprove(String permission) {
        if (readOnly()) {
            return;
        }
        Long id = selected.get();
        if (id == null || permission == null || permission.isBlank()) {
            message.set("Select a person and a permission first.");
            return;
        }
        runner.task("org chart: who may approve", p -> services.resolver().resolve(id, permission, LocalDate.now()))
                .replacing("orgchart.resolve")
                .onSuccess(this::showApprovals)
                .onFailure(e -> message.set("The resolver failed: " + e.getMessage()))
                .start();
    }

    private void showApprovals(Approvals approvals) {
        if (!approvals.personFound()) {
            answer.set("That person is not in the graph.");
            return;
        }
        StringBuilder text = new StringBuilder("Who may approve '" + approvals.permission() + "' for " + approvals.personName()
                + " (" + approvals.day() + "): " + approvals.authorised().size() + " people");
        if (!approvals.expired().isEmpty()) {
            text.append(", ").append(approvals.expired().size()).append(" expired link(s)");
        }
        if (!approvals.cycles().isEmpty()) {
            text.append(", ").append(approvals.cycles().size()).append(" cycle(s) detected");
        }
        text.append('\n');
        for (ApprovalChain chain : approvals.chains()) {
            text.append("• ").append(chain.describe()).append('\n');
        }
        answer.set(text.toString().strip());
        cypher.set(String.join(";\n\n", approvals.cypher()) + ";");
        List<ApprovalChain> authorised = approvals.authorised();
        if (!authorised.isEmpty()) {
            // The longest authorised chain shows the most: highlight it.
            ApprovalChain longest = authorised.stream().max(java.util.Comparator.comparingInt(c -> c.ids().size())).orElseThrow();
            showChain(longest.ids());
        }
    }

    private void showChain(List<Long> ids) {
        ChartTree t = tree.get();
        if (t != null) {
            ids.forEach(t::reveal);
            chartVersion.set(chartVersion.get() + 1);
        }
        highlight.set(List.copyOf(ids));
    }

    /** The selected person becomes the start of a path. */
    public void startPath() {
        pathStart = selected.get();
        message.set(pathStart == null ? "Select a person first." : "Path from " + nameOf(pathStart) + ": now select the other end.");
    }

    /** Shortest path from the start to the selected person. */
    public void pathTo(OrgPaths.Kind kind) {
        Long from = pathStart;
        Long to = selected.get();
        if (from == null || to == null || from.equals(to)) {
            message.set("Pick a start (Path from here) and a different person as the end.");
            return;
        }
        if (foreign != null) {
            pathForeign(from, to, kind);
            return;
        }
        runner.task("org chart: shortest path", p -> services.paths().shortest(from, to, kind))
                .replacing("orgchart.path")
                .onSuccess(found -> showPath(found, kind))
                .onFailure(e -> message.set("No path: " + e.getMessage()))
                .start();
    }

    private record ForeignPath(Optional<List<ForeignPerson>> path, Lines lines) {
    }

    private void pathForeign(long from, long to, OrgPaths.Kind kind) {
        ForeignChart chart = foreign;
        Object fromKey = chart.key(from);
        Object toKey = chart.key(to);
        boolean delegations = kind == OrgPaths.Kind.DELEGATION;
        java.util.Set<Object> fetched = chart.fetchedTeams();
        runner.task("org chart: path in your graph", p -> {
            Optional<List<ForeignPerson>> path = chart.service().shortestPath(fromKey, toKey, delegations);
            List<Object> ends = path.map(list -> list.stream().map(ForeignPerson::key).toList()).orElse(List.of());
            return new ForeignPath(path, lines(chart, fetched, ends));
        })
                .replacing("orgchart.path")
                .onSuccess(found -> {
                    ChartTree t = tree.get();
                    if (chart != foreign || t == null) {
                        return;
                    }
                    found.lines().teams().forEach(team -> chart.add(t, team));
                    cypher.set("");
                    if (found.path().isEmpty()) {
                        answer.set(delegations && chart.service().mapping().delegationType().isEmpty()
                                ? "The mapping names no delegation type." : "No " + (delegations ? "delegation" : "chain of command")
                                + " path between them within " + org.persistenceexplorer.service.foreigngraph.ForeignOrgChart.PATH_LIMIT
                                + " steps.");
                        highlight.set(List.of());
                        return;
                    }
                    List<ForeignPerson> path = found.path().get();
                    answer.set("Shortest path (" + (path.size() - 1) + " steps): "
                            + String.join(" → ", path.stream().map(ForeignPerson::name).toList()));
                    List<Long> ids = path.stream().map(person -> chart.id(person.key())).filter(id -> t.member(id) != null).toList();
                    showChain(ids);
                })
                .onFailure(e -> message.set("No path: " + e.getMessage()))
                .start();
    }

    private boolean readOnly() {
        if (foreign != null) {
            message.set(READ_ONLY);
            return true;
        }
        return false;
    }

    private void showPath(Optional<OrgPaths.OrgPath> found, OrgPaths.Kind kind) {
        cypher.set(kind.cypher() + ";");
        if (found.isEmpty()) {
            answer.set("No " + (kind == OrgPaths.Kind.DELEGATION ? "delegation" : "chain of command") + " path between them.");
            highlight.set(List.of());
            return;
        }
        answer.set("Shortest path (" + (found.get().ids().size() - 1) + " steps): " + found.get().describe());
        showChain(found.get().ids());
    }

    /** Delegates a permission from the selected person to the person named. */
    public void delegate(String permission, String toName) {
        if (readOnly()) {
            return;
        }
        Long from = selected.get();
        List<OrgMember> to = suggestions(toName);
        if (from == null || permission == null || to.isEmpty()) {
            message.set(to.isEmpty() ? "No one called '" + toName + "' to delegate to." : "Select a person and a permission first.");
            return;
        }
        long toId = to.get(0).employeeId();
        runner.task("org chart: add delegation", p -> {
            services.delegations().add(from, toId, permission, LocalDate.now(), LocalDate.now().plusDays(90));
            return null;
        }).onSuccess(x -> {
            services.profiles().invalidateAll(List.of(from, toId));
            message.set(nameOf(from) + " now delegates '" + permission + "' to " + to.get(0).name() + " for 90 days (MERGE).");
            select(from);
        }).onFailure(e -> message.set(e.getMessage())).start();
    }

    public void revoke(String permission, String toName) {
        if (readOnly()) {
            return;
        }
        Long from = selected.get();
        List<OrgMember> to = suggestions(toName);
        if (from == null || permission == null || to.isEmpty()) {
            message.set("Select a person, a permission and whom to revoke it from.");
            return;
        }
        long toId = to.get(0).employeeId();
        runner.task("org chart: revoke delegation", p -> services.delegations().revoke(from, toId, permission))
                .onSuccess(done -> {
                    services.profiles().invalidateAll(List.of(from, toId));
                    message.set(done ? "Revoked." : nameOf(from) + " had not delegated '" + permission + "' to " + to.get(0).name() + ".");
                    select(from);
                }).onFailure(e -> message.set(e.getMessage())).start();
    }

    /** Syncs HR into the graph and reloads the chart. */
    public void sync() {
        if (readOnly()) {
            return;
        }
        track(runner.task("org chart: sync", p -> services.sync().sync(p))
                .replacing("orgchart.sync"),
                this::synced,
                e -> message.set("The sync failed: " + e.getMessage()),
                () -> message.set("Sync cancelled; the next sync completes it."));
    }

    /** Stops the running sync or generation: its statements are cancelled on the server. */
    public void cancelSync() {
        if (syncTask != null) {
            syncTask.cancel();
        }
    }

    /**
     * Starts a sync-like task whose progress the tab shows with a Cancel button. The inline
     * runner (tests) calls back inside start(), so progress is bound only if it is still running.
     */
    private void track(BackgroundTask<SyncOutcome> task, java.util.function.Consumer<SyncOutcome> done,
            java.util.function.Consumer<Throwable> failed, Runnable cancelled) {
        long seq = ++syncsStarted;
        syncing.set(true);
        RunningTask running = task
                .onSuccess(outcome -> {
                    syncEnded(seq);
                    done.accept(outcome);
                })
                .onFailure(e -> {
                    syncEnded(seq);
                    failed.accept(e);
                })
                .onCancelled(() -> {
                    syncEnded(seq);
                    cancelled.run();
                })
                .start();
        if (syncsFinished < seq) {
            syncTask = running;
            syncProgress.bind(running.progressProperty());
            syncStep.bind(running.messageProperty());
        }
    }

    private void syncEnded(long seq) {
        syncsFinished = Math.max(syncsFinished, seq);
        if (seq < syncsStarted) {
            return; // a newer sync replaced this one and is still running
        }
        syncTask = null;
        syncing.set(false);
        syncProgress.unbind();
        syncProgress.set(0);
        syncStep.unbind();
        syncStep.set("");
    }

    /** True while a sync or a generation runs. */
    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** The running sync's progress, 0..1 or -1 when unknown. */
    public ReadOnlyDoubleProperty syncProgressProperty() {
        return syncProgress.getReadOnlyProperty();
    }

    /** What the running sync is doing, e.g. "Writing people 4,000 / 10,000". */
    public ReadOnlyStringProperty syncStepProperty() {
        return syncStep.getReadOnlyProperty();
    }

    private void synced(SyncOutcome outcome) {
        services.profiles().invalidateAll(outcome.changedIds());
        answer.set("Sync: " + outcome.describe());
        message.set("Synced.");
        load();
    }

    /**
     * Replaces the HR data (e.g. the generator's 10,000 people), then syncs the graph and
     * reloads the chart; the cache starts empty.
     */
    public void replaceHr(String what, org.persistenceexplorer.service.work.Work<?> generate) {
        if (readOnly()) {
            return;
        }
        message.set("Generating " + what + " in HR, then syncing the graph…");
        track(runner.task("org chart: " + what, p -> {
            generate.run(p);
            return services.sync().sync(p);
        }).replacing("orgchart.sync"),
                outcome -> {
                    services.profiles().clear();
                    synced(outcome);
                },
                e -> message.set("Could not generate " + what + ": " + e.getMessage()),
                () -> message.set("Cancelled; sync again to complete the graph."));
    }

    /** CREATE of an existing person (refused by the constraint) next to MERGE (finds them). */
    public void constraintLesson() {
        if (readOnly()) {
            return;
        }
        Long id = selected.get();
        if (id == null) {
            message.set("Select a person first: the lesson CREATEs them a second time.");
            return;
        }
        String name = nameOf(id);
        runner.task("org chart: CREATE vs MERGE", p -> services.lesson().run(id, name))
                .onSuccess(this::showLesson)
                .onFailure(e -> message.set(e.getMessage()))
                .start();
    }

    private void showLesson(ConstraintLesson.Outcome lesson) {
        answer.set("CREATE: " + (lesson.createError() == null ? "was not refused" : "refused by the server — "
                + lesson.errorCode() + ": " + lesson.createError()) + "\nMERGE: found " + lesson.mergedName() + ", created "
                + lesson.mergeNodesCreated() + " nodes.");
        cypher.set(lesson.createCypher() + ";\n\n" + lesson.mergeCypher() + ";");
    }

    private String nameOf(long id) {
        ChartTree t = tree.get();
        OrgMember m = t == null ? null : t.member(id);
        return m == null ? "#" + id : m.name();
    }

    public ReadOnlyStringProperty graphAvailabilityProperty() {
        return graphAvailability.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty graphUpProperty() {
        return graphUp.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty chartVersionProperty() {
        return chartVersion.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PersonProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cacheLineProperty() {
        return cacheLine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Long>> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cypherProperty() {
        return cypher.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<String> permissions() {
        return permissions;
    }

    /** True when the profile's Neo4j is not the app's (the tab offers "Map your graph…"). */
    public ReadOnlyBooleanProperty externalProperty() {
        return external.getReadOnlyProperty();
    }

    /** True while the tab charts the user's own graph through a mapping. */
    public ReadOnlyBooleanProperty foreignModeProperty() {
        return foreignMode.getReadOnlyProperty();
    }

    /** The selected person's facts on the user's own graph, or null. */
    public ReadOnlyObjectProperty<ForeignFacts> foreignFactsProperty() {
        return foreignFacts.getReadOnlyProperty();
    }

    /** The mapping in use, in one line, or empty on the app's own graph. */
    public ReadOnlyStringProperty mappingLineProperty() {
        return mappingLine.getReadOnlyProperty();
    }

    /** What the mapping dialog works with, or null when the tab charts only the app's graph. */
    public GraphMappings mappings() {
        return mappings;
    }
}
