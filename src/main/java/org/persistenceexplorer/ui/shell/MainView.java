package org.persistenceexplorer.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.persistenceexplorer.ui.common.WindowSettings;

/**
 * The main window (fxml/MainView.fxml): the four tabs above the statement log, the status bar
 * below. Composes the panels it is given; binds only. FX thread.
 */
public final class MainView {

    static final double DEFAULT_LOG_DIVIDER = 0.55;

    private final MainViewModel model;
    private final Parent logPanel;
    private final Parent statusBar;
    private final WindowSettings settings;

    @FXML private BorderPane root;
    @FXML private SplitPane split;
    @FXML private TabPane tabs;
    @FXML private Label graphAvailabilityLabel;

    public MainView(MainViewModel model, Parent logPanel, Parent statusBar, WindowSettings settings) {
        this.model = model;
        this.logPanel = logPanel;
        this.statusBar = statusBar;
        this.settings = settings;
    }

    @FXML
    private void initialize() {
        split.getItems().add(logPanel);
        split.setDividerPositions(settings.logDivider(DEFAULT_LOG_DIVIDER));
        split.getDividers().get(0).positionProperty().addListener((obs, old, position) ->
                settings.saveLogDivider(position.doubleValue()));
        root.setBottom(statusBar);
        graphAvailabilityLabel.textProperty().bind(model.graphAvailabilityProperty());
        // Ctrl+1..4 switch tabs.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
            for (int i = 0; i < digits.length && i < tabs.getTabs().size(); i++) {
                int index = i;
                scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                        () -> tabs.getSelectionModel().select(index));
            }
        });
    }
}
