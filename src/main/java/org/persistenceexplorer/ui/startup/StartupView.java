package org.persistenceexplorer.ui.startup;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * The startup screen (fxml/StartupView.fxml): each step with its state and time, overall
 * progress, and when something fails, what happened and what to do, with Retry and Quit.
 * Binds only; FX thread.
 */
public final class StartupView {

    private final StartupViewModel model;
    private final Runnable quit;
    private final Runnable ownServers;

    @FXML private ListView<StepRow> stepList;
    @FXML private ProgressBar progressBar;
    @FXML private Label elapsedLabel;
    @FXML private VBox problemBox;
    @FXML private Label problemTitle;
    @FXML private Label problemMessage;
    @FXML private Label problemRemedy;
    @FXML private Button retryButton;
    @FXML private javafx.scene.control.Hyperlink ownServersLink;

    public StartupView(StartupViewModel model, Runnable quit) {
        this(model, quit, null);
    }

    /** @param ownServers asks for the Connect dialog (it opens with the main window), or null for no such link */
    public StartupView(StartupViewModel model, Runnable quit, Runnable ownServers) {
        this.model = model;
        this.quit = quit;
        this.ownServers = ownServers;
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
        ownServersLink.setVisible(ownServers != null);
        ownServersLink.setManaged(ownServers != null);
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
    private void useOwnServers() {
        ownServers.run();
        ownServersLink.setText("Connect opens with the main window…");
        ownServersLink.setDisable(true);
    }

    @FXML
    private void quit() {
        quit.run();
    }
}
