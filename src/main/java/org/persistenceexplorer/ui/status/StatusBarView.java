package org.persistenceexplorer.ui.status;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.persistenceexplorer.service.engine.EngineStatus;

/**
 * The status bar (fxml/StatusBarView.fxml): engines, counters, pool, background work.
 * Binds only; FX thread.
 */
public final class StatusBarView {

    private final StatusBarViewModel model;
    private final ReconciliationViewModel reconciliation;
    private final VerdictViewModel verdicts;
    @FXML private Label verdictLabel;
    @FXML private Button dismissVerdictButton;
    @FXML private HBox verdictRow;

    @FXML private HBox bar;
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
        this(model, reconciliation, null);
    }

    /** With the log's open verdict too (null: none shown). */
    public StatusBarView(StatusBarViewModel model, ReconciliationViewModel reconciliation, VerdictViewModel verdicts) {
        this.model = model;
        this.reconciliation = reconciliation;
        this.verdicts = verdicts;
    }

    private void showVerdict() {
        boolean any = verdicts != null;
        verdictRow.visibleProperty().bind(verdictLabel.textProperty().isNotEmpty());
        verdictRow.managedProperty().bind(verdictRow.visibleProperty());
        if (!any) {
            return;
        }
        verdictLabel.textProperty().bind(verdicts.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(verdicts.tooltipProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        verdictLabel.setTooltip(tip);
        verdictLabel.setOnMouseClicked(e -> verdicts.open());
        dismissVerdictButton.setOnAction(e -> verdicts.dismiss());
    }

    @FXML
    private void initialize() {
        model.engineStatuses().addListener((ListChangeListener<EngineStatus>) change -> showEngines());
        showEngines();
        showVerdict();
        totalLabel.textProperty().bind(model.totalProperty());
        totalLabel.fontProperty().addListener(o -> fitTotal(totalLabel));
        fitTotal(totalLabel);
        model.perKindProperty().addListener(o -> fitKinds());
        perKindLabel.widthProperty().addListener(o -> fitKinds());
        perKindLabel.fontProperty().addListener(o -> fitKinds());
        fitKinds();
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
        Tooltip everything = new Tooltip();
        everything.textProperty().bind(Bindings.createStringBinding(this::everything, model.engineStatuses(),
                model.totalProperty(), model.perKindProperty(), model.uiThreadWarningProperty(), model.backgroundProperty(),
                model.poolProperty()));
        Tooltip.install(bar, everything);
        showReconciliation();
    }

    /**
     * The per-kind counts in full when they fit, else in short form, else not at all (the bar's
     * tooltip still has them). The label asks for the full width, so the choice never feeds back
     * into the space it gets.
     */
    private void fitKinds() {
        String full = model.perKindProperty().get();
        Font font = perKindLabel.getFont();
        double padding = perKindLabel.snappedLeftInset() + perKindLabel.snappedRightInset() + 2;
        perKindLabel.setPrefWidth(width(full, font) + padding);
        double available = perKindLabel.getWidth() - padding;
        String text = full;
        if (width(full, font) > available) {
            // Short form, and if that is still too wide, as many of its counts as fit.
            text = CompactKinds.of(full);
            while (!text.isEmpty() && width(text, font) > available) {
                int cut = text.lastIndexOf(' ', text.endsWith(" …") ? text.length() - 3 : text.length());
                cut = cut > 0 ? text.lastIndexOf(' ', cut - 1) : -1;
                text = cut > 0 ? text.substring(0, cut) + " …" : "";
            }
        }
        if (!text.equals(perKindLabel.getText())) {
            perKindLabel.setText(text);
        }
    }

    private static double width(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    /** Everything the bar knows, for its tooltip: nothing is lost when the bar is narrow. */
    private String everything() {
        StringBuilder text = new StringBuilder();
        model.engineStatuses().forEach(status -> text.append(StatusBarViewModel.describe(status)).append('\n'));
        text.append(model.totalProperty().get());
        if (!model.perKindProperty().get().isEmpty()) {
            text.append(": ").append(model.perKindProperty().get());
        }
        if (!model.uiThreadWarningProperty().get().isEmpty()) {
            text.append('\n').append(model.uiThreadWarningProperty().get());
        }
        if (!model.backgroundProperty().get().isEmpty()) {
            text.append("\nRunning: ").append(model.backgroundProperty().get());
        }
        return text.append('\n').append(model.poolProperty().get()).toString();
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
            String head = status.engine().label() + ' ' + status.state().label();
            label.fontProperty().addListener(o -> fitEngine(label, head));
            fitEngine(label, head);
            String tip = status.engine().label() + (status.embedded() ? " (embedded)" : " (external)")
                    + (status.address().isEmpty() ? "" : " at " + status.address())
                    + (status.detail().isEmpty() ? "" : "\n" + status.detail());
            label.setTooltip(new Tooltip(tip));
            enginesBox.getChildren().add(label);
        }
    }

    /**
     * An engine's label stays whole at everyday sizes; at projector sizes (text of
     * {@value #LARGE_TEXT_PX} px or more) its address may give way, never the engine and its
     * state (the label's tooltip has the rest), so the bar fits a 1280 px wide screen.
     */
    private static void fitEngine(Label label, String head) {
        Font font = label.getFont();
        double padding = Math.max(label.snappedLeftInset() + label.snappedRightInset(), 16) + 2;
        label.setMinWidth(font.getSize() >= LARGE_TEXT_PX ? width(head + " …", font) + padding
                : javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    static final double LARGE_TEXT_PX = 18;
    /** From 2.25x on (text of this many px or more) the statement total may give way too. */
    static final double HUGE_TEXT_PX = 29;

    /**
     * The statement total stays whole up to 2x; from 2.25x it may give way (ellipsis, the huge
     * counter of projector mode shows it): there the bar alone needed about 1040 px, more than the
     * window leaves beside the Lessons panel, whose width counts the bar's.
     */
    private static void fitTotal(Label label) {
        double size = label.getFont().getSize();
        label.setMinWidth(size >= HUGE_TEXT_PX ? 4 * size : javafx.scene.layout.Region.USE_PREF_SIZE);
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
