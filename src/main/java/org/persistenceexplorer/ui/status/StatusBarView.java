package org.persistenceexplorer.ui.status;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.persistenceexplorer.service.engine.EngineStatus;

/**
 * The status bar (fxml/StatusBarView.fxml): engines, counters, pool, background work.
 * Binds only; FX thread.
 */
public final class StatusBarView {

    private final StatusBarViewModel model;
    private final ReconciliationViewModel reconciliation;

    @FXML private HBox enginesBox;
    @FXML private Label totalLabel;
    @FXML private Label perKindLabel;
    @FXML private Label poolLabel;
    @FXML private Label backgroundLabel;
    @FXML private Label uiThreadLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button retryButton;
    @FXML private Label engineProblemLabel;
    @FXML private Label retryOutcomeLabel;
    @FXML private Button cancelButton;

    @FXML private Label reconciliationLabel;

    public StatusBarView(StatusBarViewModel model) {
        this(model, null);
    }

    /** With the server's count beside the log's (null: no such label). */
    public StatusBarView(StatusBarViewModel model, ReconciliationViewModel reconciliation) {
        this.model = model;
        this.reconciliation = reconciliation;
    }

    @FXML
    private void initialize() {
        model.engineStatuses().addListener((ListChangeListener<EngineStatus>) change -> showEngines());
        showEngines();
        totalLabel.textProperty().bind(model.totalProperty());
        perKindLabel.textProperty().bind(model.perKindProperty());
        Tooltip kindsTip = new Tooltip();
        kindsTip.textProperty().bind(model.perKindProperty());
        perKindLabel.setTooltip(kindsTip);
        poolLabel.textProperty().bind(model.poolProperty());
        Tooltip poolTip = new Tooltip();
        poolTip.textProperty().bind(model.poolDetailProperty());
        poolLabel.setTooltip(poolTip);
        backgroundLabel.textProperty().bind(model.backgroundProperty());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        busyIndicator.managedProperty().bind(model.busyProperty());
        uiThreadLabel.textProperty().bind(model.uiThreadWarningProperty());
        uiThreadLabel.visibleProperty().bind(model.uiThreadWarningProperty().isNotEmpty());
        uiThreadLabel.managedProperty().bind(uiThreadLabel.visibleProperty());
        engineProblemLabel.textProperty().bind(model.engineProblemProperty());
        engineProblemLabel.visibleProperty().bind(model.engineProblemProperty().isNotEmpty());
        engineProblemLabel.managedProperty().bind(engineProblemLabel.visibleProperty());
        Tooltip problemTip = new Tooltip();
        problemTip.textProperty().bind(model.engineProblemProperty());
        problemTip.setWrapText(true);
        problemTip.setMaxWidth(520);
        engineProblemLabel.setTooltip(problemTip);
        retryButton.visibleProperty().bind(model.anyFailedProperty());
        retryButton.managedProperty().bind(model.anyFailedProperty());
        retryButton.disableProperty().bind(model.retryingProperty());
        retryOutcomeLabel.textProperty().bind(model.retryOutcomeProperty());
        retryOutcomeLabel.visibleProperty().bind(model.retryOutcomeProperty().isNotEmpty());
        retryOutcomeLabel.managedProperty().bind(retryOutcomeLabel.visibleProperty());
        Tooltip retryTip = new Tooltip();
        retryTip.textProperty().bind(model.retryOutcomeProperty());
        retryTip.setWrapText(true);
        retryTip.setMaxWidth(520);
        retryOutcomeLabel.setTooltip(retryTip);
        cancelButton.visibleProperty().bind(model.cancellableProperty());
        cancelButton.managedProperty().bind(model.cancellableProperty());
        showReconciliation();
    }

    private void showReconciliation() {
        reconciliationLabel.setVisible(reconciliation != null);
        reconciliationLabel.setManaged(reconciliation != null);
        if (reconciliation == null) {
            return;
        }
        reconciliationLabel.textProperty().bind(reconciliation.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(reconciliation.tooltipProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        reconciliationLabel.setTooltip(tip);
        reconciliationLabel.getStyleClass().add(reconciliation.styleClassProperty().get());
        reconciliation.styleClassProperty().addListener((obs, was, now) -> {
            reconciliationLabel.getStyleClass().remove(was);
            reconciliationLabel.getStyleClass().add(now);
        });
    }

    private void showEngines() {
        enginesBox.getChildren().clear();
        for (EngineStatus status : model.engineStatuses()) {
            Label label = new Label(StatusBarViewModel.describe(status));
            label.getStyleClass().addAll("pe-engine", "pe-engine-" + status.state().name().toLowerCase(java.util.Locale.ROOT));
            label.setId("engine-" + status.engine().name().toLowerCase(java.util.Locale.ROOT));
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            String tip = status.engine().label() + (status.embedded() ? " (embedded)" : " (external)")
                    + (status.address().isEmpty() ? "" : " at " + status.address())
                    + (status.detail().isEmpty() ? "" : "\n" + status.detail());
            label.setTooltip(new Tooltip(tip));
            enginesBox.getChildren().add(label);
        }
    }

    @FXML
    private void retry() {
        model.retry();
    }

    @FXML
    private void cancelBackground() {
        model.cancelBackground();
    }
}
