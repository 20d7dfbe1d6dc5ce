package org.persistenceexplorer.ui.startup;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The startup screen (fxml/StartupView.fxml): each step with its state and time, overall
 * progress, and when something fails, what happened and what to do, with Retry and Quit.
 * Binds only; FX thread.
 */
public final class StartupView {

    private final StartupViewModel model;
    private final Runnable quit;

    @FXML private ListView<StepRow> stepList;
    @FXML private ProgressBar progressBar;
    @FXML private Label elapsedLabel;
    @FXML private VBox problemBox;
    @FXML private Label problemTitle;
    @FXML private Label problemMessage;
    @FXML private Label problemRemedy;
    @FXML private Button retryButton;

    public StartupView(StartupViewModel model, Runnable quit) {
        this.model = model;
        this.quit = quit;
    }

    @FXML
    private void initialize() {
        stepList.setItems(model.steps());
        stepList.setCellFactory(list -> new StepCell());
        stepList.setFocusTraversable(false);
        progressBar.progressProperty().bind(model.progressProperty());
        elapsedLabel.textProperty().bind(model.elapsedProperty());
        problemBox.visibleProperty().bind(model.problemProperty().isNotNull());
        problemBox.managedProperty().bind(problemBox.visibleProperty());
        model.problemProperty().addListener((obs, old, problem) -> {
            if (problem != null) {
                problemTitle.setText(model.problemStepProperty().get() + " failed");
                problemMessage.setText(problem.message());
                problemRemedy.setText(problem.remedy());
                // The window fits its content; make room for the problem box.
                javafx.application.Platform.runLater(() -> {
                    if (problemBox.getScene() != null && problemBox.getScene().getWindow() != null) {
                        problemBox.getScene().getWindow().sizeToScene();
                    }
                });
            }
        });
        retryButton.disableProperty().bind(model.runningProperty());
        // When Retry becomes possible, it takes the focus: Enter must retry, never quit.
        retryButton.disabledProperty().addListener((obs, was, disabled) -> {
            if (!disabled && problemBox.isVisible()) {
                retryButton.requestFocus();
            }
        });
    }

    @FXML
    private void retry() {
        model.start();
    }

    @FXML
    private void quit() {
        quit.run();
    }

    /** A step: state mark, title, summary and elapsed time. Updates live through its properties. */
    private static final class StepCell extends ListCell<StepRow> {
        private final Label mark = new Label();
        private final Label title = new Label();
        private final Label summary = new Label();
        private final Label elapsed = new Label();
        private final BorderPane layout = new BorderPane();

        StepCell() {
            mark.getStyleClass().add("pe-step-mark");
            title.getStyleClass().add("pe-step-title");
            summary.getStyleClass().add("pe-muted");
            summary.setWrapText(true);
            summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            elapsed.getStyleClass().add("pe-muted");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(10, mark, title, spacer, elapsed);
            layout.setTop(line);
            layout.setCenter(summary);
            BorderPane.setMargin(summary, new javafx.geometry.Insets(0, 0, 0, 30));
            BorderPane.setAlignment(summary, javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            mark.textProperty().unbind();
            elapsed.textProperty().unbind();
            summary.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            title.setText(row.title() + (row.needed() ? "" : "  (continues in the background)"));
            mark.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> symbol(row.stateProperty().get()), row.stateProperty()));
            row.stateProperty().addListener((obs, old, state) -> styleFor(state));
            styleFor(row.stateProperty().get());
            elapsed.textProperty().bind(row.elapsedProperty());
            summary.textProperty().bind(row.summaryProperty());
            if (getListView() != null) {
                // Wrap long summaries (error messages) to the list's width instead of scrolling sideways.
                layout.prefWidthProperty().bind(getListView().widthProperty().subtract(36));
                layout.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            setGraphic(layout);
        }

        private void styleFor(StepRow.State state) {
            getStyleClass().removeIf(s -> s.startsWith("pe-step-"));
            getStyleClass().add("pe-step-" + state.name().toLowerCase(java.util.Locale.ROOT));
        }

        private static String symbol(StepRow.State state) {
            switch (state) {
                case RUNNING: return "▶";
                case DONE: return "✔";
                case FAILED: return "✖";
                case SKIPPED: return "–";
                default: return "•";
            }
        }
    }
}
