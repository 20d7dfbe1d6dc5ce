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

    public OrgChartViewModel(Supplier<List<EngineStatus>> engines, BackgroundRunner runner, OrgChartServices services) {
        this.engines = engines;
        this.runner = runner;
        this.services = services;
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
        if (cameUp && services != null) {
            load();
        }
    }

    /** Reads the chart from the graph (and the permission names). */
    public void load() {
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
        runner.task("org chart: profile", p -> services.profiles().lookup(id))
                .replacing("orgchart.profile")
                .onSuccess(this::showProfile)
                .onFailure(e -> message.set("Could not read the profile: " + e.getMessage()))
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
        runner.task("org chart: shortest path", p -> services.paths().shortest(from, to, kind))
                .replacing("orgchart.path")
                .onSuccess(found -> showPath(found, kind))
                .onFailure(e -> message.set("No path: " + e.getMessage()))
                .start();
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
}
