package org.persistenceexplorer.ui.txlab;

import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.persistenceexplorer.service.txlab.AnomalyTest;
import org.persistenceexplorer.service.txlab.AnomalyTests;
import org.persistenceexplorer.service.txlab.CellResult;
import org.persistenceexplorer.service.txlab.Isolation;
import org.persistenceexplorer.service.txlab.ShopLesson;
import org.persistenceexplorer.service.txlab.StepResult;
import org.persistenceexplorer.ui.common.ChoiceLabels;

/**
 * The transactions lab's view (fxml/TxLabView.fxml): binds the controls to
 * {@link TxLabViewModel}; draws the session columns, the guided script, the matrix and the
 * shop's lesson. FX thread.
 */
public final class TxLabView {

    private final TxLabViewModel model;

    @FXML private ComboBox<AnomalyTest> scriptBox;
    @FXML private ComboBox<Isolation> levelBox;
    @FXML private Button stepButton;
    @FXML private Button runButton;
    @FXML private Button matrixButton;
    @FXML private Button resetButton;
    @FXML private Button exhaustButton;
    @FXML private Label poolLabel;
    @FXML private Label explanationLabel;
    @FXML private Label poolMessageLabel;
    @FXML private Label messageLabel;
    @FXML private BorderPane sessionsPage;
    @FXML private VBox matrixPage;
    @FXML private ProgressBar matrixProgress;
    @FXML private BorderPane shopPage;
    private final GridPane matrixGrid = new GridPane();
    private final Label cellDetail = new Label();

    public TxLabView(TxLabViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        org.persistenceexplorer.ui.common.ChoiceLabels.noWiderThanItsRow(scriptBox);
        scriptBox.getItems().setAll(AnomalyTests.SCRIPTS);
        scriptBox.setConverter(ChoiceLabels.of(t -> t.id() + " — " + t.name()));
        scriptBox.valueProperty().bindBidirectional(model.scriptProperty());
        levelBox.getItems().setAll(Isolation.values());
        levelBox.valueProperty().bindBidirectional(model.levelProperty());
        explanationLabel.textProperty().bind(model.scriptProperty().map(t -> t.id() + ", " + t.name() + ": " + t.explanation()));
        for (Button b : new Button[] {stepButton, runButton, matrixButton, resetButton}) {
            b.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        }
        exhaustButton.disableProperty().bind(model.readyProperty().not());
        poolLabel.textProperty().bind(model.poolProperty());
        poolMessageLabel.textProperty().bind(model.poolMessageProperty());
        poolMessageLabel.visibleProperty().bind(model.poolMessageProperty().isNotEmpty());
        poolMessageLabel.managedProperty().bind(poolMessageLabel.visibleProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((o, a, b) -> messageLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), b));
        buildSessionsPage();
        buildMatrixPage();
        buildShopPage();
    }

    @FXML private void step() {
        model.step();
    }

    @FXML private void runScript() {
        model.runScript();
    }

    @FXML private void runMatrix() {
        model.runMatrix();
    }

    @FXML private void reset() {
        model.reset();
    }

    @FXML private void exhaustPool() {
        model.exhaustPool();
    }

    // ---- sessions and script ----

    private void buildSessionsPage() {
        ListView<ScriptLine> script = new ListView<>(model.lines());
        script.setId("txlabScriptSteps");
        script.setCellFactory(v -> new ScriptCell());
        Label verdict = new Label();
        verdict.setId("txlabVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("pe-txlab-verdict");
        verdict.textProperty().bind(model.verdictProperty());
        verdict.visibleProperty().bind(model.verdictProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());
        model.lastCellProperty().addListener((o, a, cell) -> verdict.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("differs"), cell != null && !cell.agrees()));
        Label title = new Label("Guided script (Hermitage's steps, our script)");
        title.getStyleClass().add("pe-txlab-heading");
        VBox left = new VBox(6, title, script, verdict);
        VBox.setVgrow(script, Priority.ALWAYS);
        left.setPrefWidth(400);
        left.setMinWidth(300);
        left.setPadding(new Insets(8));

        HBox sessions = new HBox(8);
        sessions.setPadding(new Insets(8));
        for (SessionColumn column : model.columns()) {
            VBox box = sessionBox(column);
            HBox.setHgrow(box, Priority.ALWAYS);
            sessions.getChildren().add(box);
        }
        sessionsPage.setLeft(left);
        // At large text beside the Lessons panel the three sessions need more than the tab has:
        // they scroll sideways rather than being cut off at the tab's right edge.
        javafx.scene.control.ScrollPane sessionsScroll = new javafx.scene.control.ScrollPane(sessions);
        sessionsScroll.setFitToWidth(true);
        sessionsScroll.setFitToHeight(true);
        sessionsScroll.setMinWidth(0);
        sessionsScroll.getStyleClass().add("edge-to-edge");
        sessionsPage.setCenter(sessionsScroll);
    }

    private VBox sessionBox(SessionColumn column) {
        String n = column.name();
        Label name = new Label("Session " + n + " (T" + (n.charAt(0) - 'A' + 1) + ")");
        name.getStyleClass().add("pe-txlab-heading");
        ComboBox<Isolation> level = new ComboBox<>();
        level.setId("txlabLevel" + n);
        level.getItems().setAll(Isolation.values());
        level.valueProperty().bindBidirectional(column.isolationProperty());
        level.setOnAction(e -> model.changeIsolation(n, level.getValue()));
        level.setMaxWidth(Double.MAX_VALUE);
        Label state = new Label();
        state.setId("txlabState" + n);
        state.setWrapText(true);
        state.getStyleClass().add("pe-txlab-state");
        state.textProperty().bind(column.stateProperty());
        state.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        column.stateProperty().addListener((o, a, b) -> {
            state.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("waiting"), b.startsWith("WAITING"));
            state.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("aborted"), b.startsWith("ABORTED"));
            state.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), b.startsWith("in a transaction"));
        });
        ListView<StepResult> statements = new ListView<>(column.statements());
        statements.setId("txlabStatements" + n);
        statements.setCellFactory(v -> new StatementCell());
        column.statements().addListener((javafx.collections.ListChangeListener<StepResult>) c -> {
            if (!column.statements().isEmpty()) {
                statements.scrollTo(column.statements().size() - 1);
            }
        });
        Label data = new Label();
        data.setId("txlabData" + n);
        data.getStyleClass().add("pe-txlab-data");
        data.textProperty().bind(column.dataProperty());
        data.setMaxWidth(Double.MAX_VALUE);
        Label dataTitle = new Label("What " + n + " last read");
        dataTitle.getStyleClass().add("pe-txlab-muted");
        TextField input = new TextField();
        input.setId("txlabInput" + n);
        input.setPromptText("SQL for " + n + ", Enter runs it");
        input.textProperty().bindBidirectional(column.inputProperty());
        input.setOnAction(e -> model.runTyped(n));
        Button commit = new Button("Commit");
        commit.setId("txlabCommit" + n);
        commit.setOnAction(e -> model.runIn(n, "commit"));
        Button rollback = new Button("Rollback");
        rollback.setId("txlabRollback" + n);
        rollback.setOnAction(e -> model.runIn(n, "rollback"));
        Button begin = new Button("Begin");
        begin.setId("txlabBegin" + n);
        begin.setOnAction(e -> model.runIn(n, "begin"));
        for (Button b : new Button[] {commit, rollback, begin}) {
            b.disableProperty().bind(model.readyProperty().not());
        }
        input.disableProperty().bind(model.readyProperty().not());
        HBox buttons = new HBox(4, begin, commit, rollback);
        VBox box = new VBox(4, name, level, state, statements, dataTitle, data, input, buttons);
        VBox.setVgrow(statements, Priority.ALWAYS);
        box.getStyleClass().add("pe-txlab-session");
        box.setMinWidth(200);
        box.setPrefWidth(280);
        return box;
    }

    /** A statement and its outcome, coloured by outcome. */
    private static final class StatementCell extends ListCell<StepResult> {
        @Override
        protected void updateItem(StepResult r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("pe-txlab-done", "pe-txlab-failed", "pe-txlab-waiting", "pe-txlab-skipped");
            if (empty || r == null) {
                setText(null);
                return;
            }
            String rows = r.outcome() == StepResult.Outcome.DONE && !r.columns().isEmpty() ? " → " + r.rowsText() : "";
            setText(r.sql() + "\n  " + r.summary() + rows);
            setWrapText(true);
            setPrefWidth(0);
            getStyleClass().add(switch (r.outcome()) {
                case DONE -> "pe-txlab-done";
                case FAILED -> "pe-txlab-failed";
                case WAITING, RUNNING -> "pe-txlab-waiting";
                case SKIPPED -> "pe-txlab-skipped";
            });
        }
    }

    /** One step of the script: number, session, statement, what to expect, and its result once run. */
    private static final class ScriptCell extends ListCell<ScriptLine> {
        @Override
        protected void updateItem(ScriptLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("pe-txlab-next", "pe-txlab-done", "pe-txlab-failed", "pe-txlab-waiting", "pe-txlab-skipped");
            if (empty || line == null) {
                setText(null);
                return;
            }
            StringBuilder text = new StringBuilder().append(line.number()).append(". ").append(line.step().session())
                    .append(": ").append(line.step().sql());
            if (!line.step().expected().isEmpty()) {
                text.append("\n     expect: ").append(line.step().expected());
            }
            StepResult r = line.result();
            if (r != null) {
                text.append("\n     got: ").append(r.summary());
                if (r.outcome() == StepResult.Outcome.DONE && !r.columns().isEmpty()) {
                    text.append(" → ").append(r.rowsText().isEmpty() ? "nothing" : r.rowsText());
                }
                if (!r.sql().equals(line.step().sql())) {
                    text.append("\n     sent: ").append(r.sql());
                }
                getStyleClass().add(switch (r.outcome()) {
                    case DONE -> "pe-txlab-done";
                    case FAILED -> "pe-txlab-failed";
                    case WAITING, RUNNING -> "pe-txlab-waiting";
                    case SKIPPED -> "pe-txlab-skipped";
                });
            } else if (line.next()) {
                getStyleClass().add("pe-txlab-next");
            }
            setText(text.toString());
            setWrapText(true);
            setPrefWidth(0);
        }
    }

    // ---- the matrix ----

    private void buildMatrixPage() {
        matrixProgress.progressProperty().bind(model.matrixProgressProperty());
        matrixGrid.setId("txlabMatrixGrid");
        matrixGrid.getStyleClass().add("pe-txlab-matrix");
        matrixGrid.setHgap(4);
        matrixGrid.setVgap(4);
        cellDetail.setId("txlabCellDetail");
        cellDetail.setWrapText(true);
        Label legend = new Label("Each cell: what happened at that level, and how it was prevented. The second line is Hermitage's "
                + "published PostgreSQL result (✓ prevented, — occurs); a red frame marks a difference. READ UNCOMMITTED has no "
                + "Hermitage row: PostgreSQL runs it as READ COMMITTED, so that row is expected. Click a cell for its story (below the matrix).");
        legend.setWrapText(true);
        legend.getStyleClass().add("pe-txlab-muted");
        ScrollPane scroll = new ScrollPane(matrixGrid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        matrixPage.getChildren().addAll(legend, scroll, cellDetail);
        model.matrix().addListener((MapChangeListener<String, CellResult>) this::matrixChanged);
        drawMatrix();
    }

    /** The cells by {@link TxLabViewModel#key}: built once, updated one by one as results arrive. */
    private final Map<String, VBox> cells = new java.util.HashMap<>();

    private void drawMatrix() {
        matrixGrid.getChildren().clear();
        cells.clear();
        matrixGrid.add(header("Test"), 0, 0);
        Isolation[] levels = Isolation.values();
        for (int l = 0; l < levels.length; l++) {
            matrixGrid.add(header(levels[l].label()), l + 1, 0);
        }
        int row = 1;
        for (AnomalyTest test : AnomalyTests.ALL) {
            Label name = new Label(test.id() + "\n" + test.name());
            name.getStyleClass().add("pe-txlab-matrix-test");
            name.setTooltip(new Tooltip(test.explanation()));
            matrixGrid.add(name, 0, row);
            for (int l = 0; l < levels.length; l++) {
                VBox box = cell(test, levels[l]);
                cells.put(TxLabViewModel.key(test, levels[l]), box);
                matrixGrid.add(box, l + 1, row);
                showCell(box, model.matrix().get(TxLabViewModel.key(test, levels[l])));
            }
            row++;
        }
    }

    /** A result arrived (or the matrix was cleared): only that cell changes, so 56 results cost 56 small updates. */
    private void matrixChanged(MapChangeListener.Change<? extends String, ? extends CellResult> change) {
        VBox box = cells.get(change.getKey());
        if (box != null) {
            showCell(box, change.wasAdded() ? change.getValueAdded() : null);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pe-txlab-heading");
        return l;
    }

    private VBox cell(AnomalyTest test, Isolation level) {
        boolean hermitage = org.persistenceexplorer.service.txlab.Hermitage.prevents(test, level);
        Label what = new Label("not run");
        what.getStyleClass().add("pe-txlab-cell-what");
        Label published = new Label("Hermitage: " + (hermitage ? "✓ prevented" : "— occurs"));
        published.getStyleClass().add("pe-txlab-muted");
        VBox box = new VBox(1, what, published);
        box.getStyleClass().add("pe-txlab-cell");
        box.setId("txlabCell-" + test.id().replaceAll("[^A-Za-z0-9]", "") + "-" + level.name());
        box.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void showCell(VBox box, CellResult cell) {
        Label what = (Label) box.getChildren().get(0);
        box.getStyleClass().removeAll("pe-txlab-cell-occurs", "pe-txlab-cell-prevented", "pe-txlab-cell-differs");
        if (cell == null) {
            what.setText("not run");
            box.setOnMouseClicked(null);
            return;
        }
        what.setText(TxLabText.cellHow(cell));
        box.getStyleClass().add(cell.occurred() ? "pe-txlab-cell-occurs" : "pe-txlab-cell-prevented");
        if (!cell.agrees()) {
            box.getStyleClass().add("pe-txlab-cell-differs");
        }
        // The story on click, not as a tooltip: a Tooltip per cell is a popup window each.
        String story = TxLabText.verdict(cell);
        box.setOnMouseClicked(e -> cellDetail.setText(story));
    }

    // ---- the shop ----

    private void buildShopPage() {
        CheckBox fails = new CheckBox("The payment fails");
        fails.setId("txlabPaymentFails");
        fails.selectedProperty().bindBidirectional(model.paymentFailsProperty());
        Spinner<Integer> mugs = new Spinner<>(0, 20, model.mugsProperty().get());
        mugs.setId("txlabMugs");
        mugs.valueProperty().addListener((o, a, b) -> model.mugsProperty().set(b));
        Spinner<Integer> books = new Spinner<>(0, 10, model.booksProperty().get());
        books.setId("txlabBooks");
        books.valueProperty().addListener((o, a, b) -> model.booksProperty().set(b));
        Button checkout = button("Check out (Hibernate)", "txlabCheckout", model::checkout);
        Button savepoints = button("Order 2 of each, a savepoint per line", "txlabSavepoints", model::savepoints);
        Button edits = button("Two edits of order 1", "txlabEdits", () -> model.concurrentEdits(false));
        Button retry = button("Two edits, retry the refused one", "txlabEditsRetry", () -> model.concurrentEdits(true));
        Button reset = button("Reset the shop", "txlabResetShop", model::resetShop);
        Label intro = new Label("Ben orders mugs and books (and an e-book). Checkout reserves stock, writes the order and its "
                + "lines, then takes the payment, all in one transaction: any failure rolls back everything.");
        intro.setWrapText(true);
        VBox controls = new VBox(8, intro, new Label("Mugs (10 in stock)"), mugs, new Label("Books (2 in stock)"), books, fails,
                checkout, savepoints, edits, retry, reset);
        controls.setPadding(new Insets(10));
        controls.setPrefWidth(300);

        Label outcome = new Label("Run a lesson.");
        outcome.setId("txlabLessonMessage");
        outcome.setWrapText(true);
        outcome.getStyleClass().add("pe-txlab-lesson");
        GridPane stock = new GridPane();
        stock.setId("txlabStock");
        stock.setHgap(16);
        stock.setVgap(2);
        ListView<String> statements = new ListView<>();
        statements.setId("txlabLessonStatements");
        statements.getStyleClass().add("pe-txlab-sql");
        Label sent = new Label("Statements sent, as the log captured them");
        sent.getStyleClass().add("pe-txlab-muted");
        VBox result = new VBox(8, outcome, stock, sent, statements);
        VBox.setVgrow(statements, Priority.ALWAYS);
        result.setPadding(new Insets(10));
        model.lessonProperty().addListener((o, a, lesson) -> showLesson(lesson, outcome, stock, statements));
        shopPage.setLeft(controls);
        shopPage.setCenter(result);
    }

    private static void showLesson(ShopLesson lesson, Label outcome, GridPane stock, ListView<String> statements) {
        stock.getChildren().clear();
        if (lesson == null) {
            outcome.setText("Run a lesson.");
            statements.getItems().clear();
            return;
        }
        outcome.setText(lesson.title() + ": " + lesson.message() + (lesson.unchanged()
                ? " Every shop table has the same checksum as before: nothing changed." : ""));
        outcome.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("rolledback"), !lesson.committed());
        stock.add(header("Product"), 0, 0);
        stock.add(header("Stock before"), 1, 0);
        stock.add(header("after"), 2, 0);
        int row = 1;
        for (Map.Entry<String, Integer> e : lesson.stockBefore().entrySet()) {
            Integer after = lesson.stockAfter().get(e.getKey());
            stock.add(new Label(e.getKey()), 0, row);
            stock.add(new Label(e.getValue() == null ? "(digital)" : String.valueOf(e.getValue())), 1, row);
            Label afterLabel = new Label(after == null ? "(digital)" : String.valueOf(after));
            if (!java.util.Objects.equals(after, e.getValue())) {
                afterLabel.getStyleClass().add("pe-txlab-changed");
            }
            stock.add(afterLabel, 2, row);
            row++;
        }
        statements.getItems().setAll(lesson.statements());
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(model.readyProperty().not());
        return b;
    }
}
