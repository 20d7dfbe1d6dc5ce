package org.persistenceexplorer.ui.orgchart;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.persistenceexplorer.domain.graph.Delegation;
import org.persistenceexplorer.domain.graph.OrgMember;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.service.orggraph.PersonProfile;

/**
 * The Org Chart tab's view (fxml/OrgChartView.fxml): binds the view-model and hosts the
 * {@link OrgChartCanvas}. Search suggestions drop down under the search box. FX thread.
 */
public final class OrgChartView {

    private final OrgChartViewModel model;
    private final java.util.function.IntConsumer companySize;
    private final OrgChartCanvas canvas = new OrgChartCanvas();
    private final ContextMenu suggestions = new ContextMenu();

    @FXML private TextField searchField;
    @FXML private StackPane chartHolder;
    @FXML private Label personName;
    @FXML private Label graphFacts;
    @FXML private Label sqlFacts;
    @FXML private Label cacheLine;
    @FXML private ComboBox<String> permissionBox;
    @FXML private TextField delegateField;
    @FXML private TextArea answerText;
    @FXML private TextArea cypherText;
    @FXML private Label featureDetail;
    @FXML private Label messageLabel;
    @FXML private MenuButton sizeButton;
    @FXML private HBox syncBox;
    @FXML private ProgressBar syncBar;
    @FXML private Label syncLabel;
    @FXML private javafx.scene.control.Button mapButton;
    @FXML private javafx.scene.control.Button syncButton;
    @FXML private javafx.scene.control.Button lessonButton;
    @FXML private javafx.scene.control.Button approveButton;
    @FXML private HBox delegateBox;
    @FXML private Label mappingLabel;
    private java.util.function.Consumer<javafx.stage.Window> mapGraph = owner -> { };

    /** @param companySize what the "Company size" menu does with the chosen head count, or null to hide it */
    public OrgChartView(OrgChartViewModel model, java.util.function.IntConsumer companySize) {
        this.model = model;
        this.companySize = companySize;
    }

    @FXML
    private void initialize() {
        chartHolder.getChildren().add(canvas.node());
        canvas.onSelect(model::select);
        canvas.onToggle(model::toggle);
        featureDetail.textProperty().bind(model.graphAvailabilityProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        cacheLine.textProperty().bind(model.cacheLineProperty());
        answerText.textProperty().bind(model.answerProperty());
        cypherText.textProperty().bind(model.cypherProperty());
        permissionBox.setItems(model.permissions());
        String[] chosen = {"approve time off"};
        permissionBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                chosen[0] = b;
            }
        });
        model.permissions().addListener((javafx.collections.ListChangeListener<String>) c -> {
            // Reloading the names clears the choice: keep the one the user had
            if (model.permissions().contains(chosen[0])) {
                permissionBox.setValue(chosen[0]);
            }
        });
        sizeButton.setVisible(companySize != null);
        sizeButton.setManaged(companySize != null);
        syncBox.visibleProperty().bind(model.syncingProperty());
        syncBox.managedProperty().bind(syncBox.visibleProperty());
        syncBar.progressProperty().bind(model.syncProgressProperty());
        syncLabel.textProperty().bind(model.syncStepProperty());
        model.chartVersionProperty().addListener((o, a, b) -> redraw());
        model.highlightProperty().addListener((o, a, b) -> mark());
        model.focusedProperty().addListener((o, a, id) -> {
            if (id != null) {
                canvas.focus(id);
            }
        });
        model.selectedProperty().addListener((o, a, id) -> {
            if (id != null && model.treeProperty().get() != null) {
                canvas.select(model.treeProperty().get(), id);
            }
        });
        model.profileProperty().addListener((o, a, p) -> showProfile(p));
        searchField.textProperty().addListener((o, a, text) -> suggest(text));
        mapButton.visibleProperty().bind(model.externalProperty());
        mapButton.managedProperty().bind(mapButton.visibleProperty());
        mappingLabel.textProperty().bind(model.mappingLineProperty());
        // On the user's own graph the tab only reads: the app's sync, lesson and delegations are off.
        for (javafx.scene.Node writes : List.of(syncButton, lessonButton, sizeButton, approveButton, permissionBox, delegateBox)) {
            writes.disableProperty().bind(model.foreignModeProperty().or(model.externalProperty()));
        }
        model.foreignFactsProperty().addListener((o, a, f) -> showForeign(f));
    }

    /** What "Map your graph…" does (the feature opens the mapping dialog over this window). */
    void onMapGraph(java.util.function.Consumer<javafx.stage.Window> action) {
        this.mapGraph = action;
    }

    @FXML
    private void mapGraph() {
        mapGraph.accept(chartHolder.getScene() == null ? null : chartHolder.getScene().getWindow());
    }

    private void showForeign(org.persistenceexplorer.service.foreigngraph.ForeignFacts f) {
        if (f == null) {
            if (model.profileProperty().get() == null) {
                showProfile(null);
            }
            return;
        }
        personName.setText(f.name() + " — " + String.join(", ", f.labels()));
        StringBuilder graph = new StringBuilder("Graph (Neo4j)\nReports to: ")
                .append(f.managers().isEmpty() ? "nobody (a root)" : String.join(", ", f.managers()))
                .append("\nDirect reports: ").append(f.directReports());
        f.related().forEach((meaning, names) -> graph.append('\n').append(meaning).append(": ")
                .append(names.isEmpty() ? "—" : String.join(", ", names)));
        graph.append("\nProperties:");
        f.properties().forEach((k, v) -> graph.append("\n  ").append(k).append(" = ").append(v));
        graphFacts.setText(graph.toString());
        sqlFacts.setText("SQL (PostgreSQL)\nNothing to show: this person lives only in your graph. The mapping links a"
                + " graph label, not a table, so there is no HR row to join (the cross-store profile works on the app's"
                + " own sample, where HR and the graph share employee ids).");
    }

    private void redraw() {
        ChartTree tree = model.treeProperty().get();
        if (tree != null) {
            canvas.show(tree);
            mark();
            if (model.focusedProperty().get() == null) {
                canvas.fit();
            }
        }
    }

    private void mark() {
        ChartTree tree = model.treeProperty().get();
        if (tree != null) {
            canvas.mark(tree, model.highlightProperty().get());
        }
    }

    private void suggest(String text) {
        List<OrgMember> found = model.suggestions(text);
        suggestions.getItems().clear();
        if (found.isEmpty() || !searchField.isFocused()) {
            suggestions.hide();
            return;
        }
        for (OrgMember m : found) {
            Label item = new Label(m.name() + " — " + m.title() + (m.department() == null ? "" : ", " + m.department()));
            CustomMenuItem entry = new CustomMenuItem(item, true);
            entry.setOnAction(e -> {
                searchField.setText(m.name());
                suggestions.hide();
                model.focus(m.employeeId());
            });
            suggestions.getItems().add(entry);
        }
        if (!suggestions.isShowing()) {
            suggestions.show(searchField, javafx.geometry.Side.BOTTOM, 0, 0);
        }
    }

    private void showProfile(PersonProfile p) {
        if (p == null) {
            personName.setText("No one selected");
            graphFacts.setText("");
            sqlFacts.setText("");
            return;
        }
        personName.setText(p.name() + " — " + p.title());
        graphFacts.setText("Graph (Neo4j)\nReports to: " + (p.chainOfCommand().isEmpty() ? "nobody (the top)"
                : String.join(" → ", p.chainOfCommand())) + "\nReports: " + p.directReports() + " direct, " + p.totalReports()
                + " in total\nRoles: " + String.join(", ", p.roles()) + "\nPermissions: " + String.join(", ", p.permissions())
                + "\nDelegates: " + delegations(p.delegationsOut(), true) + "\nActs for: " + delegations(p.delegationsIn(), false));
        sqlFacts.setText(p.inHr() ? "SQL (PostgreSQL)\nSalary: " + p.salary() + "\nDepartment: " + p.department()
                + "\nHired on: " + p.hiredOn() + "\nProjects: " + (p.projects().isEmpty() ? "none" : String.join(", ", p.projects()))
                : "SQL (PostgreSQL)\nNo HR row for this person: the graph and HR disagree; sync to reconcile.");
    }

    private static String delegations(List<Delegation> list, boolean out) {
        if (list.isEmpty()) {
            return "—";
        }
        java.time.LocalDate today = java.time.LocalDate.now();
        return list.stream().map(d -> "'" + d.scope() + "' " + (out ? "to " + d.toName() : "from " + d.fromName())
                + (d.validOn(today) ? "" : " (expired " + d.validTo() + ")")).collect(Collectors.joining("; "));
    }

    @FXML
    private void find() {
        suggestions.hide();
        model.search(searchField.getText());
    }

    @FXML
    private void toggleSelected() {
        Long id = model.selectedProperty().get();
        if (id != null) {
            model.toggle(id);
        }
    }

    @FXML
    private void fit() {
        canvas.fit();
    }

    @FXML
    private void sync() {
        model.sync();
    }

    @FXML
    private void lesson() {
        model.constraintLesson();
    }

    @FXML
    private void sampleSize() {
        resize(300);
    }

    @FXML
    private void tenThousand() {
        resize(10_000);
    }

    @FXML
    private void hundredThousand() {
        resize(100_000);
    }

    private void resize(int people) {
        if (companySize != null) {
            companySize.accept(people);
        }
    }

    @FXML
    private void cancelSync() {
        model.cancelSync();
    }

    @FXML
    private void whoMayApprove() {
        model.whoMayApprove(permissionBox.getValue());
    }

    @FXML
    private void pathFrom() {
        model.startPath();
    }

    @FXML
    private void pathCommand() {
        model.pathTo(OrgPaths.Kind.CHAIN_OF_COMMAND);
    }

    @FXML
    private void pathDelegation() {
        model.pathTo(OrgPaths.Kind.DELEGATION);
    }

    @FXML
    private void delegate() {
        model.delegate(permissionBox.getValue(), delegateField.getText());
    }

    @FXML
    private void revoke() {
        model.revoke(permissionBox.getValue(), delegateField.getText());
    }

    @FXML
    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the visible chart");
        chooser.setInitialFileName("org-chart.png");
        File file = chooser.showSaveDialog(chartHolder.getScene().getWindow());
        if (file != null) {
            try {
                PngExport.write(chartHolder, file.toPath());
            } catch (IOException e) {
                messageLabel.textProperty().unbind();
                messageLabel.setText("Could not write " + file + ": " + e.getMessage());
                messageLabel.textProperty().bind(model.messageProperty());
            }
        }
    }

    /** For tests and the benchmark: the chart. */
    OrgChartCanvas canvas() {
        return canvas;
    }

    void close() {
        canvas.close();
    }
}
