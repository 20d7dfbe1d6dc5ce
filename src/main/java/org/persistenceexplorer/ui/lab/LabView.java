package org.persistenceexplorer.ui.lab;

import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.persistenceexplorer.service.lab.LabRun;
import org.persistenceexplorer.service.lab.LabStatement;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.lab.Strategy;
import org.persistenceexplorer.ui.common.ChoiceLabels;

/**
 * The loading lab's view (fxml/LabView.fxml): binds the controls to {@link LabViewModel} and
 * draws one card per run, with the SELECT count in large type, a bar, the formula, and the
 * run's SQL (one example per shape with its count). FX thread.
 */
public final class LabView {

    private final LabViewModel model;

    @FXML private ComboBox<Scenario> scenarioBox;
    @FXML private ComboBox<Strategy> strategyBox;
    @FXML private Slider sizeSlider;
    @FXML private Label sizeLabel;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> delaySpinner;
    @FXML private Button runOneButton;
    @FXML private Button runAllButton;
    @FXML private Button bulkButton;
    @FXML private Button cacheButton;
    @FXML private Label messageLabel;
    @FXML private Label countersLabel;
    @FXML private Label ruleLabel;
    @FXML private ScrollPane pageScroll;
    @FXML private ScrollPane resultsScroll;
    @FXML private HBox resultsBox;
    @FXML private Label emptyLabel;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label stepLabel;

    public LabView(LabViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        org.persistenceexplorer.ui.common.ChoiceLabels.noWiderThanItsRow(scenarioBox);
        scenarioBox.getItems().setAll(Scenario.values());
        scenarioBox.setConverter(ChoiceLabels.of(Scenario::label));
        scenarioBox.valueProperty().bindBidirectional(model.scenarioProperty());
        strategyBox.getItems().setAll(Strategy.values());
        strategyBox.setConverter(ChoiceLabels.of(Strategy::label));
        strategyBox.valueProperty().bindBidirectional(model.strategyProperty());

        sizeSlider.setValue(LabSizes.positionOf(model.parentsProperty().get()));
        sizeSlider.valueProperty().addListener((o, a, b) -> model.parentsProperty().set(LabSizes.at(b.doubleValue())));
        sizeLabel.textProperty().bind(model.parentsProperty().asString("N = %,d"));

        batchSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000, model.batchSizeProperty().get()));
        batchSpinner.valueProperty().addListener((o, a, b) -> model.batchSizeProperty().set(b));
        delaySpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100, model.simulatedDelayMsProperty().get()));
        delaySpinner.valueProperty().addListener((o, a, b) -> model.simulatedDelayMsProperty().set(b));

        runOneButton.disableProperty().bind(model.runningProperty());
        runAllButton.disableProperty().bind(model.runningProperty());
        bulkButton.disableProperty().bind(model.runningProperty());
        cacheButton.disableProperty().bind(model.runningProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        countersLabel.textProperty().bind(model.countersProperty());
        ruleLabel.setText(org.persistenceexplorer.service.log.LogVerdicts.RULE);
        stepLabel.textProperty().bind(model.stepTextProperty());
        previousButton.disableProperty().bind(model.stepProperty().lessThanOrEqualTo(0));
        nextButton.disableProperty().bind(model.canStepForward().not());

        model.runs().addListener((ListChangeListener<LabRun>) c -> drawRuns());
        model.lessonCards().addListener((ListChangeListener<LessonCard>) c -> drawRuns());
        drawRuns();
    }


    private void drawRuns() {
        if (!model.lessonCards().isEmpty()) {
            long most = Math.max(1, model.lessonCards().stream().mapToLong(LessonCard::number).max().orElse(1));
            resultsBox.getChildren().setAll(model.lessonCards().stream().map(c -> lessonCard(c, most)).toList());
            return;
        }
        if (model.runs().isEmpty()) {
            resultsBox.getChildren().setAll(emptyLabel);
            return;
        }
        long max = Math.max(1, model.maxSelects());
        resultsBox.getChildren().setAll(model.runs().stream().map(run -> card(run, max)).toList());
        javafx.application.Platform.runLater(this::revealResults);
    }

    /**
     * New cards on a page that scrolls (a short window, projector mode): the page scrolls so the
     * cards' tops show, unless they show already. After the layout that sized them.
     */
    private void revealResults() {
        double content = pageScroll.getContent().getLayoutBounds().getHeight();
        double viewport = pageScroll.getViewportBounds().getHeight();
        if (content <= viewport) {
            return;
        }
        double top = pageScroll.getVvalue() * (content - viewport);
        double cards = resultsScroll.getBoundsInParent().getMinY();
        double shown = Math.min(resultsScroll.getHeight(), viewport);
        if (cards < top || cards + shown > top + viewport) {
            pageScroll.setVvalue(Math.max(0, Math.min(1, cards / (content - viewport))));
        }
    }

    private VBox card(LabRun run, long max) {
        Label title = new Label(run.strategy() == Strategy.BATCH ? "Batch k = " + run.batchSize() : run.strategy().label());
        title.setWrapText(true);
        title.getStyleClass().add("pe-lab-card-title");
        Label big = new Label(String.format(Locale.ROOT, "%,d", run.selects()));
        big.getStyleClass().add("pe-lab-big");
        big.setId("labCount-" + run.strategy().name());
        Label unit = new Label(run.selects() == 1 ? "SELECT" : "SELECTs");
        unit.getStyleClass().add("pe-lab-unit");

        Region bar = new Region();
        bar.getStyleClass().add("pe-lab-bar");
        bar.setId("labBar-" + run.strategy().name());
        double fraction = (double) run.selects() / max;
        StackPane track = new StackPane(bar);
        track.getStyleClass().add("pe-lab-track");
        track.setMinHeight(Region.USE_PREF_SIZE);
        track.setMaxWidth(Double.MAX_VALUE);
        StackPane.setAlignment(bar, javafx.geometry.Pos.CENTER_LEFT);
        // The bar is a share of its track, so it scales with the card (and projector mode).
        bar.maxWidthProperty().bind(track.widthProperty().multiply(fraction).add(3));
        bar.prefWidthProperty().bind(bar.maxWidthProperty());
        bar.setMinWidth(3);

        boolean asExpected = run.selects() == run.expectedSelects();
        Label expected = new Label("expected " + formula(run) + (asExpected ? "  ✓" : "  ✗ got " + run.selects()));
        expected.getStyleClass().add(asExpected ? "pe-lab-expected" : "pe-lab-unexpected");
        expected.setWrapText(true);
        Label details = new Label("+ " + run.transactionStatements() + " BEGIN / COMMIT (counted apart)\n"
                + String.format(Locale.ROOT, "%,d rows read · %,d entities loaded%n%,.1f ms wall%s%n%,.1f MB allocated",
                run.rowsRead(), run.entitiesLoaded(), run.wallMillis(),
                run.simulatedDelayMs() > 0 ? " (incl. SIMULATED " + run.simulatedDelayMs() + " ms/statement)" : "",
                run.allocatedBytes() / 1_000_000.0));
        details.getStyleClass().add("pe-lab-details");
        details.setWrapText(true);

        VBox card = new VBox(4, title, big, unit, track, expected, details);
        card.getStyleClass().add("pe-lab-card");
        card.setId("labCard-" + run.strategy().name());
        if (run.error() != null) {
            Label error = new Label(run.error());
            error.setWrapText(true);
            error.getStyleClass().add("pe-lab-error");
            card.getChildren().add(error);
        }
        for (String unused : run.unusedEagerLoads()) {
            Label verdict = new Label("Unused eager load: " + unused + " — remove the fetch of "
                    + run.scenario().relationship() + " here");
            verdict.setWrapText(true);
            verdict.getStyleClass().add("pe-lab-unused");
            card.getChildren().add(verdict);
        }
        TextArea sql = new TextArea(sqlOf(run));
        sql.setEditable(false);
        sql.setWrapText(true);
        sql.setPrefRowCount(5);
        sql.setMinHeight(Region.USE_PREF_SIZE);
        sql.getStyleClass().add("pe-lab-sql");
        VBox.setVgrow(sql, Priority.ALWAYS);
        card.getChildren().add(sql);
        card.setOnMouseClicked(e -> model.startStepping(run));
        // Never an ellipsis on a number or a verdict: the cards grow and the pane scrolls instead.
        card.getChildren().forEach(child -> {
            if (child instanceof Region region && !(child instanceof TextArea)) {
                region.setMinHeight(Region.USE_PREF_SIZE);
            }
        });
        return card;
    }

    private VBox lessonCard(LessonCard data, long max) {
        Label title = new Label(data.title());
        title.setWrapText(true);
        title.getStyleClass().add("pe-lab-card-title");
        Label big = new Label(String.format(Locale.ROOT, "%,d", data.number()));
        big.getStyleClass().add("pe-lab-big");
        big.setId("labCount-" + data.id());
        Label unit = new Label(data.unit());
        unit.getStyleClass().add("pe-lab-unit");
        Region bar = new Region();
        bar.getStyleClass().add("pe-lab-bar");
        StackPane track = new StackPane(bar);
        track.getStyleClass().add("pe-lab-track");
        track.setMaxWidth(Double.MAX_VALUE);
        StackPane.setAlignment(bar, javafx.geometry.Pos.CENTER_LEFT);
        bar.maxWidthProperty().bind(track.widthProperty().multiply((double) data.number() / max).add(3));
        bar.prefWidthProperty().bind(bar.maxWidthProperty());
        Label lines = new Label(String.join("\n", data.lines()));
        lines.setWrapText(true);
        lines.getStyleClass().add("pe-lab-details");
        VBox card = new VBox(4, title, big, unit, track, lines);
        if (!data.warning().isEmpty()) {
            Label warning = new Label(data.warning());
            warning.setWrapText(true);
            warning.getStyleClass().add("pe-lab-unused");
            card.getChildren().add(warning);
        }
        TextArea sql = new TextArea(data.sql());
        sql.setEditable(false);
        sql.setWrapText(true);
        sql.setPrefRowCount(5);
        sql.getStyleClass().add("pe-lab-sql");
        card.getChildren().add(sql);
        card.getChildren().forEach(child -> {
            if (child instanceof Region region && !(child instanceof TextArea)) {
                region.setMinHeight(Region.USE_PREF_SIZE);
            }
        });
        card.getStyleClass().addAll("pe-lab-card", "pe-lab-lesson-card");
        card.setId("labCard-" + data.id());
        return card;
    }

    @FXML
    private void runBulk() {
        model.runBulk();
    }

    @FXML
    private void resetCounters() {
        model.resetCounters();
    }

    @FXML
    private void evictCache() {
        model.evictCache();
    }

    @FXML
    private void runCache() {
        model.runCache();
    }

    private static String formula(LabRun run) {
        long n = run.parents();
        long e = run.expectedSelects();
        boolean twoLevels = run.scenario() == org.persistenceexplorer.service.lab.Scenario.DEPARTMENTS_EMPLOYEES_PROJECTS;
        return switch (run.strategy()) {
            case LAZY -> e == 1 ? "1" : twoLevels ? "1+N+3N = " + e : "1+N = " + e;
            case BATCH -> e == 1 ? "1" : twoLevels ? "1+⌈N/k⌉+⌈3N/k⌉ = " + e : "1+⌈N/k⌉ = " + e;
            case SUBSELECT -> twoLevels ? e + " (one per level)" : e == 1 + n ? "1+N = " + e + " (to-one: no subselect)" : Long.toString(e);
            default -> Long.toString(e);
        };
    }

    /** One SQL example per shape, with how many times that shape ran. */
    static String sqlOf(LabRun run) {
        Map<String, Long> shapes = run.selectShapes();
        StringBuilder text = new StringBuilder();
        for (LabStatement s : run.firstOfEachShape()) {
            long times = shapes.getOrDefault(org.persistenceexplorer.domain.statement.QueryShape.of(s.text()), 1L);
            text.append(times > 1 ? times + " × " : "").append(s.text()).append("\n\n");
        }
        return text.toString().strip();
    }

    /** Keyboard and button entry points. */
    @FXML
    private void runOne() {
        model.runOne();
    }

    @FXML
    private void runAll() {
        model.runAll();
    }

    @FXML
    private void previousStep() {
        model.previousStep();
    }

    @FXML
    private void nextStep() {
        model.nextStep();
    }
}
