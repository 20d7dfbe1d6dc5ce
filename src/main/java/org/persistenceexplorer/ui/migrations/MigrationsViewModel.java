package org.persistenceexplorer.ui.migrations;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.domain.migration.HistoryEntry;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.service.migrations.DiagramLayout;
import org.persistenceexplorer.service.migrations.FolderEntry;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.service.migrations.RebuildNeeded;
import org.persistenceexplorer.service.migrations.SchemaChange;
import org.persistenceexplorer.service.migrations.SchemaLayout;
import org.persistenceexplorer.service.migrations.TrackTimeline;
import org.persistenceexplorer.service.migrations.VersionStep;
import org.persistenceexplorer.service.work.Work;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.ListUpdates;
import org.persistenceexplorer.ui.common.RunningTask;

/**
 * The Migrations tab's state and commands: the tracks, the open track's timeline and history,
 * the version picked on the timeline ("move the schema here"), the migration selected for
 * reading (its SQL, the schema diff it caused, the diagram at that version), a comparison of any
 * two versions, and the running action's progress with cancel. A rebuild waits for the user's
 * confirmation ({@link #rebuildQuestionProperty()}). All engine work goes through the runner
 * under "migrations: ..." labels; FX thread.
 */
public final class MigrationsViewModel {

    private final MigrationTracks service;
    private final BackgroundRunner runner;

    private final ObservableList<String> tracks = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedTrack = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TrackTimeline> timeline = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<String> versions = FXCollections.observableArrayList();
    private final StringProperty target = new SimpleStringProperty();
    private final StringProperty selectedVersion = new SimpleStringProperty();
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper undoSql = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<SchemaChange> changes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DiagramLayout> diagram = new ReadOnlyObjectWrapper<>();
    private final StringProperty compareFrom = new SimpleStringProperty();
    private final StringProperty compareTo = new SimpleStringProperty();
    private final ObservableList<SchemaChange> comparison = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DiagramLayout> compareDiagram = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<FolderEntry> folder = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currentLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rebuildQuestion = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private RunningTask running;
    private long startedActions;
    private long finishedActions;
    private String rebuildTarget;
    private final ModelChangesViewModel modelChanges;

    public MigrationsViewModel(MigrationTracks service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
        this.modelChanges = new ModelChangesViewModel(service, runner);
        tracks.setAll(service.trackNames());
        selectedVersion.addListener((obs, old, now) -> showSelection());
        compareFrom.addListener((obs, old, now) -> showComparison());
        compareTo.addListener((obs, old, now) -> showComparison());
    }

    /** Opens the first track (blog). */
    public void start() {
        if (!tracks.isEmpty() && selectedTrack.get() == null) {
            openTrack(tracks.get(0));
        }
    }

    /** Opens a track: its versions (built once from a scratch copy), history and live schema. */
    public void openTrack(String name) {
        selectedTrack.set(name);
        run("migrations: open " + name, p -> service.open(name, p), true);
    }

    /** Moves the live schema to the version picked on the timeline, forward or back. */
    public void moveToTarget() {
        String name = selectedTrack.get();
        String to = target.get();
        if (name == null || to == null) {
            return;
        }
        launch("migrations: move " + name + " to " + to, p -> service.moveTo(name, to, p), t -> {
            show(t, false);
            message.set(name + " is now at " + describe(t.currentVersion()) + ".");
        }, e -> {
            if (e instanceof RebuildNeeded needed) {
                rebuildTarget = needed.target();
                rebuildQuestion.set(needed.getMessage());
            } else {
                fail(e);
            }
        });
    }

    /** The user agreed to the rebuild the last move asked for. */
    public void confirmRebuild() {
        String name = selectedTrack.get();
        String to = rebuildTarget;
        rebuildQuestion.set(null);
        rebuildTarget = null;
        if (name != null && to != null) {
            run("migrations: rebuild " + name + " at " + to, p -> service.rebuildTo(name, to, p), false);
        }
    }

    /** The user declined the rebuild: nothing changes. */
    public void declineRebuild() {
        rebuildQuestion.set(null);
        rebuildTarget = null;
        message.set("Nothing changed: the schema stays at " + describe(currentVersion()) + ".");
    }

    /** Flyway's repair for the open track. */
    public void repair() {
        String name = selectedTrack.get();
        run("migrations: repair " + name, p -> service.repair(name, p), false);
    }

    /** Applies pending scripts lower than the current version. */
    public void applyOutOfOrder() {
        String name = selectedTrack.get();
        run("migrations: apply out of order " + name, p -> service.applyOutOfOrder(name, p), false);
    }

    /** Adds a folder of Flyway scripts as a track and opens it. */
    public void openFolder(Path path) {
        launch("migrations: open folder " + path.getFileName(), p -> {
            String name = service.addFolder(path);
            return service.open(name, p);
        }, t -> {
            // Added, not replaced: replacing the items would clear the track choice.
            service.trackNames().stream().filter(n -> !tracks.contains(n)).forEach(tracks::add);
            selectedTrack.set(t.name());
            show(t, true);
            message.set("Opened " + path + " as track '" + t.name() + "' in schema " + t.schema()
                    + ". Nothing is migrated until you move the schema.");
        }, this::fail);
    }

    /**
     * Saves the reviewed script into the open track copy's folder and applies it with Flyway; the
     * track is shown again (history, diff, diagram) and the model checked again.
     */
    public void saveAndApply() {
        String name = selectedTrack.get();
        String file = modelChanges.fileNameProperty().get();
        String text = modelChanges.scriptProperty().get();
        if (name == null) {
            return;
        }
        launch("migrations: save and apply " + file, p -> service.saveAndApply(name, file, text, p), t -> {
            modelChanges.saved();
            show(t, false);
            selectedVersion.set(t.currentVersion());
            message.set("Saved " + file + " into " + service.draftsFolderOf(name) + " and applied it: " + name
                    + " is now at " + describe(t.currentVersion()) + ".");
        }, this::fail);
    }

    /** Puts a track copy back as shipped: its saved migrations deleted, its schema rebuilt. */
    public void resetCopy() {
        String name = selectedTrack.get();
        if (name != null && service.keepsDrafts(name)) {
            launch("migrations: reset " + name, p -> service.resetCopy(name, p), t -> {
                show(t, false);
                message.set(name + " is back as shipped: its saved migrations are deleted and the schema rebuilt at "
                        + describe(t.currentVersion()) + ".");
            }, this::fail);
        }
    }

    /** The model check and autogenerate of the open track. */
    public ModelChangesViewModel modelChanges() {
        return modelChanges;
    }

    /** Stops the running action; its statements are cancelled on the server. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void run(String action, Work<TrackTimeline> work, boolean opening) {
        launch(action, work, t -> show(t, opening), this::fail);
    }

    /** One user action at a time: a newer one replaces the running one (and stops its statements). */
    private void launch(String action, Work<TrackTimeline> work, Consumer<TrackTimeline> ok, Consumer<Throwable> error) {
        long seq = ++startedActions;
        busy.set(true);
        failed.set(false);
        message.set("");
        RunningTask task = runner.task(action, work)
                .replacing("migrations.action")
                .onSuccess(t -> {
                    finished(seq);
                    ok.accept(t);
                })
                .onFailure(e -> {
                    finished(seq);
                    error.accept(e);
                })
                .onCancelled(() -> {
                    finished(seq);
                    cancelled();
                })
                .start();
        // The inline runner (tests) has already called back; the app's runner calls back later.
        if (finishedActions < seq) {
            running = task;
            progress.bind(task.progressProperty());
            progressText.bind(task.messageProperty());
        }
    }

    private void finished(long seq) {
        finishedActions = seq;
        running = null;
        busy.set(false);
        progress.unbind();
        progress.set(0);
        progressText.unbind();
        progressText.set("");
    }

    private void cancelled() {
        String name = selectedTrack.get();
        if (name != null) {
            run("migrations: open " + name, p -> service.open(name, p), false);
        }
        // After the reload started (starting clears the message): the reader should see why.
        message.set("Cancelled. What the action had done in its transaction was rolled back; the track is reloaded.");
    }

    private void fail(Throwable e) {
        failed.set(true);
        message.set(e.getMessage() == null ? e.toString() : e.getMessage());
        // The history refreshes after every action, also a failed one.
        String name = selectedTrack.get();
        if (name != null && tracks.contains(name)) {
            runner.task("migrations: open " + name, p -> service.open(name, p))
                    .replacing("migrations.refresh")
                    .onSuccess(t -> show(t, false))
                    .onFailure(ignored -> { })
                    .start();
        }
    }

    private void show(TrackTimeline t, boolean opening) {
        String keepSelection = opening ? null : selectedVersion.get();
        timeline.set(t);
        // Only what changed: after a move most rows, the versions and the files are the same, and
        // every replaced item costs the FX thread a cell's CSS and layout.
        ListUpdates.replace(history, t.history());
        ListUpdates.replace(versions, t.versions());
        ListUpdates.replace(problems, t.problems());
        ListUpdates.replace(folder, t.folder());
        currentLine.set(t.name() + " (schema " + t.schema() + ") is at " + describe(t.currentVersion())
                + " of " + t.steps().size() + (t.steps().size() == 1 ? " version" : " versions"));
        target.set(t.currentVersion());
        String select = keepSelection != null && t.versions().contains(keepSelection) ? keepSelection
                : TrackTimeline.EMPTY.equals(t.currentVersion()) && !t.steps().isEmpty() ? t.steps().get(0).version()
                : t.currentVersion();
        if (select.equals(selectedVersion.get())) {
            showSelection();
        } else {
            selectedVersion.set(select);
        }
        if (opening || compareFrom.get() == null || !t.versions().contains(compareFrom.get())) {
            compareFrom.set(TrackTimeline.EMPTY);
            compareTo.set(t.versions().get(t.versions().size() - 1));
        }
        showComparison();
        modelChanges.trackShown(t);
    }

    /** A migration's (or a comparison's) changes and diagram, worked out off the FX thread. */
    private record Reading(List<SchemaChange> changes, DiagramLayout layout) {
    }

    private void showSelection() {
        TrackTimeline t = timeline.get();
        String version = selectedVersion.get();
        if (t == null || version == null) {
            return;
        }
        VersionStep step = t.step(version).orElse(null);
        if (step == null) {
            selectionTitle.set("Before the first migration: an empty schema");
            sql.set("");
            undoSql.set("");
        } else {
            selectionTitle.set(step.script() + (t.isCurrent(version) ? "  (current)" : ""));
            sql.set(step.sql());
            undoSql.set(step.undoable() ? step.undoSql() : "");
        }
        // The diff and the diagram's layout (ELK) are computed in the background, like every
        // view-model's work; only their results reach the FX thread.
        runner.task("migrations: diff and diagram of " + version, p -> {
                    SchemaSnapshot before = t.snapshotAt(t.previous(version));
                    SchemaSnapshot after = t.snapshotAt(version);
                    List<SchemaChange> diff = step == null ? List.of() : t.diffOf(version).changes();
                    return new Reading(diff, after == null ? null : SchemaLayout.of(before == null ? after : before, after));
                })
                .replacing("migrations.diagram")
                .onSuccess(r -> {
                    ListUpdates.replace(changes, r.changes());
                    // The same layout computed again (a move left this version's schema as it was)
                    // is not drawn again.
                    if (!java.util.Objects.equals(diagram.get(), r.layout())) {
                        diagram.set(r.layout());
                    }
                })
                .onFailure(e -> message.set("The diagram could not be laid out: " + e.getMessage()))
                .start();
    }

    private void showComparison() {
        TrackTimeline t = timeline.get();
        String fromVersion = compareFrom.get();
        String toVersion = compareTo.get();
        if (t == null || fromVersion == null || toVersion == null) {
            comparison.clear();
            return;
        }
        runner.task("migrations: compare " + fromVersion + " and " + toVersion, p -> {
                    SchemaSnapshot from = t.snapshotAt(fromVersion);
                    SchemaSnapshot to = t.snapshotAt(toVersion);
                    return new Reading(t.compare(fromVersion, toVersion).changes(),
                            from == null || to == null ? null : SchemaLayout.of(from, to));
                })
                .replacing("migrations.compareDiagram")
                .onSuccess(r -> {
                    ListUpdates.replace(comparison, r.changes());
                    if (!java.util.Objects.equals(compareDiagram.get(), r.layout())) {
                        compareDiagram.set(r.layout());
                    }
                })
                .onFailure(e -> message.set("The diagram could not be laid out: " + e.getMessage()))
                .start();
    }

    /** The diagram at the comparison's second version, marked against its first. */
    public ReadOnlyObjectProperty<DiagramLayout> compareDiagramProperty() {
        return compareDiagram.getReadOnlyProperty();
    }

    private String currentVersion() {
        TrackTimeline t = timeline.get();
        return t == null ? TrackTimeline.EMPTY : t.currentVersion();
    }

    /** "version 3", or "the empty schema" for the timeline's first point. */
    static String describe(String version) {
        return TrackTimeline.EMPTY.equals(version) ? "the empty schema (no migration applied)" : "version " + version;
    }

    public ObservableList<String> tracks() {
        return tracks;
    }

    public ObjectProperty<String> selectedTrackProperty() {
        return selectedTrack;
    }

    public ReadOnlyObjectProperty<TrackTimeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ObservableList<HistoryEntry> history() {
        return history;
    }

    /** The timeline's points: "0" (empty), then each version. */
    public ObservableList<String> versions() {
        return versions;
    }

    /** The version picked on the timeline, where "move the schema here" goes. */
    public StringProperty targetProperty() {
        return target;
    }

    /** The migration being read: its SQL, diff and diagram. */
    public StringProperty selectedVersionProperty() {
        return selectedVersion;
    }

    public ReadOnlyStringProperty sqlProperty() {
        return sql.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoSqlProperty() {
        return undoSql.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionTitleProperty() {
        return selectionTitle.getReadOnlyProperty();
    }

    public ObservableList<SchemaChange> changes() {
        return changes;
    }

    public ReadOnlyObjectProperty<DiagramLayout> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    public StringProperty compareFromProperty() {
        return compareFrom;
    }

    public StringProperty compareToProperty() {
        return compareTo;
    }

    public ObservableList<SchemaChange> comparison() {
        return comparison;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<FolderEntry> folder() {
        return folder;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last action's outcome or error, in plain words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** "blog (schema blog) is at version 3 of 4 versions". */
    public ReadOnlyStringProperty currentLineProperty() {
        return currentLine.getReadOnlyProperty();
    }

    /** Non-null while a rebuild waits for the user's yes or no: what it resets, in plain words. */
    public ReadOnlyStringProperty rebuildQuestionProperty() {
        return rebuildQuestion.getReadOnlyProperty();
    }

    List<String> trackNames() {
        return List.copyOf(tracks);
    }
}
