package org.persistenceexplorer.ui.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.migrations.GeneratedMigration;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.service.migrations.ModelCheck;
import org.persistenceexplorer.service.migrations.RenameGuess;
import org.persistenceexplorer.service.migrations.TrackModel;
import org.persistenceexplorer.service.migrations.TrackModels;
import org.persistenceexplorer.service.migrations.TrackTimeline;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.ListUpdates;

/**
 * The Migrations tab's "Model" part for a track with a Hibernate model: whether the model (the
 * app's, or the bundled "model v2" when switched on) matches the live schema and what differs;
 * autogenerate the next migration for review and editing; take a suggested rename; save it into
 * the track copy and apply it (through {@link MigrationsViewModel#saveAndApply}). Engine work runs
 * through the runner under "migrations: ..." labels; FX thread.
 */
public final class ModelChangesViewModel {

    private final MigrationTracks service;
    private final BackgroundRunner runner;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasChangedModel = new ReadOnlyBooleanWrapper();
    private final BooleanProperty changedModel = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper changedSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> matches = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ObservableList<RenameGuess> renames = FXCollections.observableArrayList();
    private final StringProperty script = new SimpleStringProperty("");
    private final StringProperty fileName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper saveHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String track;

    public ModelChangesViewModel(MigrationTracks service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
        changedModel.addListener((obs, old, now) -> {
            clearProposal();
            check();
        });
    }

    /** A track was opened or changed: check its model again (or say it has none). */
    void trackShown(TrackTimeline t) {
        boolean sameTrack = Objects.equals(track, t.name());
        track = t.name();
        TrackModel model = t.hasEntities() ? service.modelOf(t.name()).orElse(null) : null;
        available.set(model != null);
        hasChangedModel.set(model != null && model.hasChangedModel());
        changedSummary.set(model != null && model.hasChangedModel() ? model.changedSummary() : "");
        canSave.set(model != null && service.keepsDrafts(t.name()));
        saveHint.set(model == null ? "" : service.keepsDrafts(t.name())
                ? "Saved into " + service.draftsFolderOf(t.name()) + " (this copy's folder), then applied with Flyway's migrate."
                : t.name() + " ships with the app and its schema is shared with the other tabs: open "
                + TrackModels.copyOf(t.name()) + " to save and apply a generated migration there.");
        if (!sameTrack) {
            clearProposal();
        }
        if (model == null) {
            verdict.set("Track " + t.name() + " has no Hibernate model: nothing to compare its schema with.");
            matches.set(null);
            findings.clear();
            return;
        }
        check();
    }

    /** Compares the model with the live schema. */
    public void check() {
        String name = track;
        if (name == null || !available.get()) {
            return;
        }
        boolean changed = changedModel.get();
        runner.task("migrations: check model " + name, p -> service.checkModel(name, changed))
                .replacing("migrations.model")
                .onSuccess(this::showCheck)
                .onFailure(e -> message.set("The model could not be compared: " + e.getMessage()))
                .start();
    }

    /** Autogenerates the next migration for review (nothing is saved). */
    public void generate() {
        String name = track;
        if (name == null || !available.get()) {
            return;
        }
        boolean changed = changedModel.get();
        message.set("");
        runner.task("migrations: autogenerate " + name, p -> service.generate(name, changed, p))
                .replacing("migrations.model")
                .onSuccess(g -> {
                    showCheck(g.check());
                    script.set(g.script());
                    fileName.set(g.fileName());
                    renames.setAll(g.check().renames());
                    message.set(g.isEmpty() ? "Nothing to generate: the model matches the schema."
                            : "Generated " + g.fileName() + " (" + g.statements().size() + " statements from Hibernate's "
                            + "schema update). Review and edit it, then save.");
                })
                .onFailure(e -> message.set("Autogenerate failed: " + e.getMessage()))
                .start();
    }

    /** Puts the rename into the script instead of the add column that would lose the data. */
    public void useRename(RenameGuess rename) {
        script.set(GeneratedMigration.withRename(script.get(), rename));
        renames.remove(rename);
        message.set("The script now renames " + rename.table() + "." + rename.from() + " to " + rename.to()
                + " instead of adding an empty column.");
    }

    private void showCheck(ModelCheck check) {
        verdict.set(check.verdict());
        matches.set(check.matches());
        List<String> lines = new ArrayList<>(check.differences());
        check.renames().forEach(r -> lines.add("Likely rename: " + r.describe()));
        check.notes().forEach(n -> lines.add("Note: " + n));
        ListUpdates.replace(findings, lines);
    }

    private void clearProposal() {
        script.set("");
        fileName.set("");
        renames.clear();
        message.set("");
    }

    /**
     * The undo saved with the script, in words: its statements (going back then runs it), or why
     * there is none (a statement without a known inverse: going back rebuilds the copy). Follows
     * the script as it is edited; worked out from the text alone.
     */
    public javafx.beans.binding.StringExpression undoProperty() {
        return undo;
    }

    private final javafx.beans.binding.StringBinding undo = javafx.beans.binding.Bindings.createStringBinding(() -> {
        String text = script.get();
        String file = fileName.get();
        if (text == null || text.isBlank() || file == null || !file.startsWith("V")) {
            return "";
        }
        org.persistenceexplorer.service.migrations.UndoScript u =
                org.persistenceexplorer.service.migrations.UndoScript.of(text, file);
        if (u.complete()) {
            return "Saved with its undo, " + org.persistenceexplorer.service.migrations.UndoScript.fileNameFor(file)
                    + " (going back runs it):\n" + String.join("\n", u.script().lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("--")).toList());
        }
        return u.unknown().isEmpty() ? "" : "No undo script is saved: no inverse known for " + u.unknown().get(0)
                + (u.unknown().size() > 1 ? " (and " + (u.unknown().size() - 1) + " more)" : "")
                + ". Going back from this version rebuilds the copy.";
    }, script, fileName);

    /** What autogenerate cannot know, to show beside the script. */
    public List<String> limits() {
        return GeneratedMigration.LIMITS;
    }

    /** True when the open track has a Hibernate model. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** True when the open track is a copy that keeps generated migrations. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasChangedModelProperty() {
        return hasChangedModel.getReadOnlyProperty();
    }

    /** Switched on: compare with the bundled "model v2" instead of the app's model. */
    public BooleanProperty changedModelProperty() {
        return changedModel;
    }

    public ReadOnlyStringProperty changedSummaryProperty() {
        return changedSummary.getReadOnlyProperty();
    }

    /** "The model matches schema hr." */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** True, false, or null when unknown. */
    public ReadOnlyObjectProperty<Boolean> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    /** Differences, likely renames and notes, one line each. */
    public ObservableList<String> findings() {
        return findings;
    }

    /** Renames offered for the script under review. */
    public ObservableList<RenameGuess> renames() {
        return renames;
    }

    /** The script under review, editable. */
    public StringProperty scriptProperty() {
        return script;
    }

    public StringProperty fileNameProperty() {
        return fileName;
    }

    public ReadOnlyStringProperty saveHintProperty() {
        return saveHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void saved() {
        clearProposal();
    }
}
