package org.persistenceexplorer.ui.orgchart;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.foreigngraph.GraphShape;
import org.persistenceexplorer.service.foreigngraph.MappingPreview;
import org.persistenceexplorer.service.foreigngraph.OrgMapping;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.RunningTask;

/**
 * The "Map your graph…" dialog's state and commands: what the graph holds (labels and
 * relationship types with counts), a suggested mapping filled in, the user's changes, a preview
 * (roots, depth, cycles, people without a manager) and Use, which saves the mapping for the
 * profile and hands it to the chart. Every graph read is a cancellable task with its progress;
 * results arrive on the FX thread. FX thread.
 */
public final class MappingViewModel {

    private final BackgroundRunner runner;
    private final GraphMappings mappings;
    private final Consumer<OrgMapping> used;

    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final ObservableList<String> properties = FXCollections.observableArrayList();
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final StringProperty personLabel = new SimpleStringProperty("");
    private final StringProperty keyProperty = new SimpleStringProperty("");
    private final StringProperty nameProperty = new SimpleStringProperty("");
    private final StringProperty managerType = new SimpleStringProperty("");
    private final BooleanProperty towardsManager = new SimpleBooleanProperty(true);
    private final StringProperty departmentType = new SimpleStringProperty("");
    private final StringProperty roleType = new SimpleStringProperty("");
    private final StringProperty permissionType = new SimpleStringProperty("");
    private final StringProperty delegationType = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper shape = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper previewOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private RunningTask running;
    private long started;
    private long finished;

    /** @param used runs on the FX thread with the mapping once it is saved for the profile */
    public MappingViewModel(BackgroundRunner runner, GraphMappings mappings, Consumer<OrgMapping> used) {
        this.runner = runner;
        this.mappings = mappings;
        this.used = used;
    }

    private record Suggestion(GraphShape shape, Optional<OrgMapping> saved, Optional<OrgMapping> suggested,
                              List<String> properties) {
    }

    /** Reads the graph's shape and fills in the profile's saved mapping, else the suggested one, then previews it. */
    public void suggest() {
        String profile = mappings.profileName().get();
        message.set("Reading what your graph holds…");
        track(runner.task("org chart: read your graph's shape", p -> {
            GraphShape read = mappings.explorer().shape(p);
            Optional<OrgMapping> saved = mappings.store().find(profile);
            Optional<OrgMapping> suggested = mappings.explorer().suggest(read);
            Optional<OrgMapping> chosen = saved.isPresent() ? saved : suggested;
            p.update(-1, "Reading property names");
            List<String> names = chosen.map(m -> mappings.explorer().properties(m.personLabel())).orElse(List.of());
            return new Suggestion(read, saved, suggested, names);
        }), this::suggested, e -> message.set("Could not read your graph: " + e.getMessage()));
    }

    private void suggested(Suggestion s) {
        shape.set(s.shape().describe());
        labels.setAll(s.shape().labels().stream().map(GraphShape.LabelCount::label).toList());
        types.setAll(s.shape().relationshipTypes());
        showProperties(s.properties());
        Optional<OrgMapping> chosen = s.saved().isPresent() ? s.saved() : s.suggested();
        if (chosen.isEmpty()) {
            previewOk.set(false);
            preview.set("");
            message.set(s.shape().labels().isEmpty() ? "The graph is empty: there is nothing to chart."
                    : "No hierarchy found: no relationship type links a label to itself. Choose a label and a type"
                    + " by hand if your managers are linked some other way.");
            return;
        }
        fill(chosen.get());
        message.set(s.saved().isPresent() ? "The mapping saved for this profile; previewing it…"
                : "Suggested from your graph; previewing it…");
        preview();
    }

    private void fill(OrgMapping m) {
        personLabel.set(m.personLabel());
        keyProperty.set(m.keyProperty());
        nameProperty.set(m.nameProperty());
        managerType.set(m.managerType());
        towardsManager.set(m.towardsManager());
        departmentType.set(m.departmentType());
        roleType.set(m.roleType());
        permissionType.set(m.permissionType());
        delegationType.set(m.delegationType());
    }

    /** The property names of the chosen label, for the key and name choices. */
    public void labelChosen() {
        String label = personLabel.get();
        if (label == null || label.isBlank()) {
            return;
        }
        runner.task("org chart: property names", p -> mappings.explorer().properties(label))
                .replacing("orgchart.mapping.properties")
                .onSuccess(this::showProperties)
                .onFailure(e -> message.set("Could not read the properties: " + e.getMessage()))
                .start();
    }

    private void showProperties(List<String> names) {
        // Replacing a combo box's items clears a chosen value that was among them: keep the choices.
        String key = keyProperty.get();
        String name = nameProperty.get();
        if (!names.equals(properties)) {
            properties.setAll(names);
        }
        keyProperty.set(key);
        nameProperty.set(name);
    }

    /** The mapping as the fields say now. */
    public OrgMapping mapping() {
        return new OrgMapping(personLabel.get(), keyProperty.get(), nameProperty.get(), managerType.get(),
                towardsManager.get(), departmentType.get(), roleType.get(), permissionType.get(), delegationType.get());
    }

    /** What the mapping makes of the graph: roots, depth, cycles, people without a manager. */
    public void preview() {
        OrgMapping m = mapping();
        if (!m.problems().isEmpty()) {
            previewOk.set(false);
            message.set(String.join(" ", m.problems()));
            return;
        }
        track(runner.task("org chart: preview the mapping", p -> {
            p.update(-1, "Counting roots, depth and cycles");
            return mappings.explorer().preview(m);
        }), this::previewed, e -> {
            previewOk.set(false);
            message.set("Could not preview: " + e.getMessage());
        });
    }

    private void previewed(MappingPreview p) {
        preview.set(p.summary());
        boolean chartable = p.roots() > 0;
        previewOk.set(chartable);
        if (!chartable) {
            message.set(p.people() == 0 ? "No node has that label." : "No hierarchy through this relationship: nobody is a root"
                    + " with reports. Try the other direction or another type.");
        } else if (!p.inCycles().isEmpty()) {
            message.set("Cycles found: the chart draws the acyclic part; the people in cycles are not in it.");
        } else {
            message.set("Looks like an org chart. Use it to draw the chart.");
        }
    }

    /** Saves the mapping for the profile (names only) and charts the graph through it. */
    public void use() {
        OrgMapping m = mapping();
        if (!m.problems().isEmpty()) {
            message.set(String.join(" ", m.problems()));
            return;
        }
        String profile = mappings.profileName().get();
        runner.task("org chart: save the mapping", p -> {
            mappings.store().save(profile, m);
            return m;
        }).onSuccess(saved -> {
            message.set("Saved for profile '" + profile + "'.");
            used.accept(saved);
        }).onFailure(e -> message.set("Could not save the mapping: " + e.getMessage())).start();
    }

    /** Stops the running read: its statement is terminated on the server. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Starts a read the dialog shows with progress and Cancel; a newer one replaces it. */
    private <T> void track(org.persistenceexplorer.ui.common.BackgroundTask<T> task, Consumer<T> done,
                           Consumer<Throwable> failed) {
        long seq = ++started;
        busy.set(true);
        RunningTask task1 = task.replacing("orgchart.mapping")
                .onSuccess(result -> {
                    ended(seq);
                    done.accept(result);
                })
                .onFailure(e -> {
                    ended(seq);
                    failed.accept(e);
                })
                .onCancelled(() -> {
                    ended(seq);
                    message.set("Cancelled.");
                })
                .start();
        if (finished < seq) {
            running = task1;
            step.bind(task1.messageProperty());
        }
    }

    private void ended(long seq) {
        finished = Math.max(finished, seq);
        if (seq == started) {
            running = null;
            busy.set(false);
            step.unbind();
            step.set("");
        }
    }

    public ObservableList<String> labels() {
        return labels;
    }

    public ObservableList<String> properties() {
        return properties;
    }

    public ObservableList<String> types() {
        return types;
    }

    public StringProperty personLabelProperty() {
        return personLabel;
    }

    public StringProperty keyPropertyProperty() {
        return keyProperty;
    }

    public StringProperty namePropertyProperty() {
        return nameProperty;
    }

    public StringProperty managerTypeProperty() {
        return managerType;
    }

    /** True for (person)-[:TYPE]->(manager), false for (manager)-[:TYPE]->(person). */
    public BooleanProperty towardsManagerProperty() {
        return towardsManager;
    }

    public StringProperty departmentTypeProperty() {
        return departmentType;
    }

    public StringProperty roleTypeProperty() {
        return roleType;
    }

    public StringProperty permissionTypeProperty() {
        return permissionType;
    }

    public StringProperty delegationTypeProperty() {
        return delegationType;
    }

    /** What the graph holds, in one paragraph. */
    public ReadOnlyStringProperty shapeProperty() {
        return shape.getReadOnlyProperty();
    }

    /** The preview's summary (roots, depth, cycles, people without a manager). */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** True when the previewed mapping has at least one root with reports: Use can chart it. */
    public ReadOnlyBooleanProperty previewOkProperty() {
        return previewOk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the graph is being read (the dialog shows progress and Cancel). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the running read is doing. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }
}
