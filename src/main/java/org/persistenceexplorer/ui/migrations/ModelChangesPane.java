package org.persistenceexplorer.ui.migrations;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.persistenceexplorer.service.migrations.RenameGuess;

/**
 * The Migrations tab's "Model" page, drawn in code beside the FXML the way {@link SchemaDiagram}
 * is: the model-vs-schema verdict and findings on the left; the model v2 switch, the generated
 * script (editable), the renames offered and the limits on the right. Binds to a
 * {@link ModelChangesViewModel}; saving and resetting go through the tab's view-model (progress,
 * messages, history). FX thread.
 */
public final class ModelChangesPane extends BorderPane {

    private final Label verdict = new Label();
    private final ListView<String> findings = new ListView<>();
    private final CheckBox changedModel = new CheckBox("Use model v2");
    private final Label changedSummary = new Label();
    private final TextArea script = new TextArea();
    private final TextField fileName = new TextField();
    private final VBox renames = new VBox(4);
    private final Label message = new Label();
    private final Label saveHint = new Label();
    private final Label undoNote = new Label();
    private final Button generate = new Button("Autogenerate next migration");
    private final Button check = new Button("Check again");
    private final Button save = new Button("Save into track and apply");
    private final Button reset = new Button("Reset the copy");
    private final Label limitsLabel = new Label();

    public ModelChangesPane() {
        getStyleClass().add("pe-model-pane");
        verdict.setId("migrationModelVerdict");
        verdict.getStyleClass().add("pe-model-verdict");
        verdict.setWrapText(true);
        findings.setId("migrationModelFindings");
        findings.getStyleClass().add("pe-model-findings");
        findings.setPlaceholder(new Label("Nothing differs."));
        changedModel.setId("migrationModelV2");
        changedSummary.getStyleClass().add("pe-muted");
        changedSummary.setWrapText(true);
        script.setId("migrationGeneratedScript");
        script.getStyleClass().add("pe-generated-script");
        script.setPromptText("Autogenerate writes the next migration here for you to review and edit.");
        fileName.setId("migrationGeneratedFile");
        fileName.setPrefColumnCount(24);
        renames.setId("migrationRenames");
        message.setId("migrationModelMessage");
        message.setWrapText(true);
        message.getStyleClass().add("pe-muted");
        saveHint.setWrapText(true);
        saveHint.getStyleClass().add("pe-muted");
        generate.setId("migrationAutogenerate");
        save.setId("migrationSaveGenerated");
        reset.setId("migrationResetCopy");

        findings.setCellFactory(list -> {
            WrappingCell cell = new WrappingCell();
            cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
            return cell;
        });
        limitsLabel.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(6, title("Model vs schema"), verdict, findings, check, limitsLabel);
        left.setPadding(new Insets(6));
        VBox.setVgrow(findings, Priority.ALWAYS);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox switches = new HBox(8, changedModel, grow, generate);
        switches.setAlignment(Pos.CENTER_LEFT);
        HBox saving = new HBox(8, new Label("File"), fileName, save, reset);
        saving.setAlignment(Pos.CENTER_LEFT);
        Label limits = limitsLabel;
        limits.setId("migrationGenerateLimits");
        limits.setWrapText(true);
        limits.getStyleClass().add("pe-model-limits");
        VBox right = new VBox(6, title("Autogenerate (Hibernate's schema update)"), switches, changedSummary, renames,
                script, undoNote, saving, saveHint, message);
        right.setPadding(new Insets(6));
        VBox.setVgrow(script, Priority.ALWAYS);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.36);
        setCenter(split);
    }

    /** A finding per line, wrapped to the list's width. */
    private static final class WrappingCell extends javafx.scene.control.ListCell<String> {
        /** Pseudo-classes, not style classes: switching one does not match the cell against every stylesheet again. */
        private static final javafx.css.PseudoClass NOTE = javafx.css.PseudoClass.getPseudoClass("pe-model-finding-note");
        private static final javafx.css.PseudoClass RENAME = javafx.css.PseudoClass.getPseudoClass("pe-model-finding-rename");

        WrappingCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            pseudoClassStateChanged(NOTE, !empty && item != null && item.startsWith("Note:"));
            pseudoClassStateChanged(RENAME, !empty && item != null && item.startsWith("Likely rename:"));
        }
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pe-panel-title");
        return label;
    }

    /** Binds to the page's view-model; {@code saveAndApply} and {@code resetCopy} are the tab's commands. */
    public void bind(ModelChangesViewModel model, Runnable saveAndApply, Runnable resetCopy,
                     javafx.beans.value.ObservableBooleanValue busy) {
        verdict.textProperty().bind(model.verdictProperty());
        model.matchesProperty().addListener((obs, old, now) -> {
            verdict.getStyleClass().removeAll("pe-model-ok", "pe-model-bad");
            if (now != null) {
                verdict.getStyleClass().add(now ? "pe-model-ok" : "pe-model-bad");
            }
        });
        findings.setItems(model.findings());
        changedModel.selectedProperty().bindBidirectional(model.changedModelProperty());
        changedModel.visibleProperty().bind(model.hasChangedModelProperty());
        changedModel.managedProperty().bind(model.hasChangedModelProperty());
        changedSummary.textProperty().bind(Bindings.when(model.changedModelProperty())
                .then(model.changedSummaryProperty()).otherwise(""));
        script.textProperty().bindBidirectional(model.scriptProperty());
        undoNote.setId("migrationGeneratedUndo");
        undoNote.setWrapText(true);
        undoNote.setMinHeight(Region.USE_PREF_SIZE);
        undoNote.textProperty().bind(model.undoProperty());
        undoNote.visibleProperty().bind(undoNote.textProperty().isNotEmpty());
        undoNote.managedProperty().bind(undoNote.visibleProperty());
        fileName.textProperty().bindBidirectional(model.fileNameProperty());
        message.textProperty().bind(model.messageProperty());
        saveHint.textProperty().bind(model.saveHintProperty());
        limitsLabel.setText("What autogenerate cannot know:\n• " + String.join("\n• ", model.limits()));
        model.renames().addListener((ListChangeListener<RenameGuess>) c -> showRenames(model));
        generate.setOnAction(e -> model.generate());
        check.setOnAction(e -> model.check());
        save.setOnAction(e -> saveAndApply.run());
        reset.setOnAction(e -> resetCopy.run());
        generate.disableProperty().bind(model.availableProperty().not().or(busy));
        check.disableProperty().bind(model.availableProperty().not());
        save.disableProperty().bind(model.canSaveProperty().not().or(busy).or(model.scriptProperty().isEmpty()));
        reset.disableProperty().bind(model.canSaveProperty().not().or(busy));
        script.disableProperty().bind(model.availableProperty().not());
        showRenames(model);
    }

    private void showRenames(ModelChangesViewModel model) {
        renames.getChildren().setAll(model.renames().stream().map(r -> {
            Label text = new Label("Looks like a rename: " + r.describe());
            text.setWrapText(true);
            text.getStyleClass().add("pe-model-rename");
            Button use = new Button("Use RENAME COLUMN instead");
            use.setMinWidth(Region.USE_PREF_SIZE);
            use.getStyleClass().add("pe-model-rename-button");
            use.setOnAction(e -> model.useRename(r));
            HBox line = new HBox(8, use, text);
            line.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(text, Priority.ALWAYS);
            return line;
        }).toList());
    }
}
