package org.persistenceexplorer.ui.log;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import org.persistenceexplorer.ui.common.RestyleOnLookFlow;

/**
 * The statement log panel (fxml/StatementLogView.fxml): binds the table (sortable by real
 * values, following the newest row), filter, pause, clear and copy, and the detail pane of the
 * selected statement, to its view-model. FX thread.
 */
public final class StatementLogView {

    /**
     * A failed statement's row. Row marks are pseudo-classes, not style classes: a style class
     * change re-matches the row against every stylesheet, a pseudo-class only switches state.
     */
    static final PseudoClass FAILED_ROW = PseudoClass.getPseudoClass("pe-failed");
    /** A row a lesson's step marks (the statements it caused). */
    static final PseudoClass LESSON_ROW = PseudoClass.getPseudoClass("pe-lesson");
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final double DETAIL_DIVIDER = 0.62;

    private final StatementLogViewModel model;

    @FXML private TableView<LogRow> table;
    @FXML private TableColumn<LogRow, LogRow> sequenceColumn;
    @FXML private TableColumn<LogRow, LogRow> bracketColumn;
    @FXML private TableColumn<LogRow, LogRow> timeColumn;
    @FXML private TableColumn<LogRow, LogRow> engineColumn;
    @FXML private TableColumn<LogRow, LogRow> kindColumn;
    @FXML private TableColumn<LogRow, LogRow> actionColumn;
    @FXML private TableColumn<LogRow, LogRow> textColumn;
    @FXML private TableColumn<LogRow, LogRow> durationColumn;
    @FXML private TableColumn<LogRow, LogRow> rowsColumn;
    @FXML private TableView<ShapeRow> shapeTable;
    @FXML private TableColumn<ShapeRow, ShapeRow> shapeKindColumn;
    @FXML private TableColumn<ShapeRow, ShapeRow> shapeCountColumn;
    @FXML private TableColumn<ShapeRow, ShapeRow> shapeTextColumn;
    @FXML private TableColumn<ShapeRow, ShapeRow> shapeActionColumn;
    @FXML private javafx.scene.layout.StackPane tables;
    @FXML private javafx.scene.layout.HBox toolbar;
    @FXML private TextField filterField;
    @FXML private ToggleButton pauseButton;
    @FXML private Button clearButton;
    @FXML private Button copyButton;
    @FXML private Button newestButton;
    @FXML private Label summaryLabel;
    @FXML private Label captureCostLabel;
    @FXML private MenuButton totalsButton;
    @FXML private SplitPane detailSplit;
    @FXML private VBox detailPane;
    @FXML private Label detailHeading;
    @FXML private Button copyRunnableButton;
    @FXML private TextArea detailText;
    private NewestFollower follower;

    public StatementLogView(StatementLogViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        show(sequenceColumn, row -> Long.toString(row.sequence()), LogRow.BY_SEQUENCE);
        show(bracketColumn, LogRow::bracket, null);
        Label txHeader = new Label("Tx");
        txHeader.setTooltip(new Tooltip(LogRow.TX_MEANING));
        bracketColumn.setGraphic(txHeader);
        bracketColumn.setText("");
        show(timeColumn, LogRow::time, LogRow.BY_SEQUENCE);
        show(engineColumn, LogRow::engine, null);
        show(kindColumn, LogRow::kind, null);
        show(actionColumn, LogRow::action, null);
        show(textColumn, LogRow::text, null);
        show(durationColumn, LogRow::duration, LogRow.BY_DURATION);
        show(rowsColumn, LogRow::rows, LogRow.BY_ROWS);
        Label rowsHeader = new Label("Rows");
        Tooltip rowsMeaning = new Tooltip(LogRow.ROWS_MEANING);
        rowsMeaning.setShowDuration(javafx.util.Duration.seconds(30));
        rowsHeader.setTooltip(rowsMeaning);
        rowsColumn.setGraphic(rowsHeader);

        SortedList<LogRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label empty = new Label();
        empty.getStyleClass().add("pe-log-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyTextProperty());
        table.setPlaceholder(empty);
        // A full log's newest rows replace the oldest on every tick, so every row on screen gets new
        // text: only a row whose look changed is restyled (RestyleOnLookFlow).
        table.setSkin(RestyleOnLookFlow.skinFor(table));
        table.setRowFactory(view -> {
            TableRow<LogRow> logRow = new TableRow<>() {
                @Override
                protected void updateItem(LogRow row, boolean isEmpty) {
                    super.updateItem(row, isEmpty);
                    LogHighlight marked = model.highlightProperty().get();
                    pseudoClassStateChanged(LESSON_ROW, !isEmpty && row != null && marked != null && marked.marks(row.statement()));
                    boolean failed = !isEmpty && row != null && row.failed();
                    pseudoClassStateChanged(FAILED_ROW, failed);
                    if (failed) {
                        setTooltip(new Tooltip(row.statement().error()));
                    } else if (getTooltip() != null) {
                        setTooltip(null);
                    }
                }
            };
            RestyleOnLookFlow.watchLook(logRow.getPseudoClassStates(), () -> logRow);
            return logRow;
        });
        model.highlightProperty().addListener((obs, old, now) -> table.refresh());
        follower = new NewestFollower(table, sequenceColumn, model);
        newestButton.textProperty().bind(Bindings.createStringBinding(() -> model.unseenProperty().get() == 0
                ? "↓ Newest" : "↓ Newest (" + model.unseenProperty().get() + " new)", model.unseenProperty()));
        newestButton.visibleProperty().bind(model.followingProperty().not());

        filterField.textProperty().bindBidirectional(model.filterProperty());
        pauseButton.selectedProperty().bindBidirectional(model.pausedProperty());
        pauseButton.textProperty().bind(Bindings.when(model.pausedProperty()).then("Resume").otherwise("Pause"));
        summaryLabel.textProperty().bind(model.summaryProperty());
        captureCostLabel.textProperty().bind(model.captureCostProperty());
        captureCostLabel.setTooltip(new Tooltip("Measured, not guessed: the thread CPU time (ThreadMXBean) of the capture's "
                + "own bookkeeping before and after each statement (numbering, masking, recording, the log and every "
                + "other listener), on one statement in 16, averaged since the app started. Counting a SELECT's "
                + "rows as they are read is not included."));
        totalsButton.setOnShowing(e -> fillTotals());
        fillTotals();
        copyButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        MenuItem copy = new MenuItem("Copy statement with parameters");
        copy.setOnAction(e -> copySelected());
        table.setContextMenu(new ContextMenu(copy));
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copySelected();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                closeDetail();
            }
        });
        bindDetail();
        bindShapes();
    }

    /** Projector mode's grouped log follows the most recently active group, like the rows follow the newest. */
    private void bindShapes() {
        showShape(shapeKindColumn, ShapeRow::kind);
        showShape(shapeCountColumn, ShapeRow::times);
        showShape(shapeTextColumn, ShapeRow::shape);
        showShape(shapeActionColumn, ShapeRow::action);
        shapeTable.setItems(model.visibleShapes());
        Label empty = new Label();
        empty.getStyleClass().add("pe-log-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyTextProperty());
        shapeTable.setPlaceholder(empty);
        shapeTable.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ShapeRow row, boolean isEmpty) {
                super.updateItem(row, isEmpty);
                pseudoClassStateChanged(FAILED_ROW, !isEmpty && row != null && row.failed());
            }
        });
        // After the next layout: scrolled now, the flow would not yet know the new lines and stop short of them.
        model.visibleShapes().addListener((javafx.collections.ListChangeListener<ShapeRow>) change -> {
            if (shapeTable.isVisible()) {
                javafx.application.Platform.runLater(this::showNewestShape);
            }
        });
    }

    private static void showShape(TableColumn<ShapeRow, ShapeRow> column, Function<ShapeRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ShapeRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
    }

    private void bindDetail() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
        detailSplit.getItems().remove(detailPane);
        model.detailProperty().addListener((obs, old, detail) -> {
            if (detail == null) {
                detailSplit.getItems().remove(detailPane);
                return;
            }
            detailHeading.setText(detail.heading());
            detailText.setText(detail.fullText());
            copyRunnableButton.setText(detail.copyLabel());
            if (!detailSplit.getItems().contains(detailPane)) {
                detailSplit.getItems().add(detailPane);
                detailSplit.setDividerPositions(DETAIL_DIVIDER);
            }
        });
    }

    private static void show(TableColumn<LogRow, LogRow> column, Function<LogRow, String> text, Comparator<LogRow> order) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> {
            TableCell<LogRow, LogRow> cell = new TableCell<>() {
                @Override
                protected void updateItem(LogRow row, boolean empty) {
                    super.updateItem(row, empty);
                    setText(empty || row == null ? null : text.apply(row));
                }
            };
            RestyleOnLookFlow.watchLook(cell.getPseudoClassStates(), cell::getTableRow);
            return cell;
        });
        column.setComparator(order != null ? order : Comparator.comparing(text));
    }

    @FXML
    private void copySelected() {
        LogRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            toClipboard(row.copyText());
        }
    }

    @FXML
    private void copyRunnable() {
        StatementDetail detail = model.detailProperty().get();
        if (detail != null) {
            toClipboard(detail.runnable());
        }
    }

    static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The selected statement in a window of its own, as large as the reader likes. */
    @FXML
    private void openDetailWindow() {
        StatementDetail detail = model.detailProperty().get();
        if (detail != null) {
            StatementWindow.show(detail, table.getScene());
        }
    }

    @FXML
    private void closeDetail() {
        table.getSelectionModel().clearSelection();
    }

    @FXML
    private void jumpToNewest() {
        follower.jump();
    }

    /** Clearing cannot be undone (the counters everywhere go back to zero): ask first. */
    @FXML
    private void clear() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "The panel empties and every counter (status bar included) goes back to zero. This cannot be undone.",
                ButtonType.CANCEL, new ButtonType("Clear + reset", ButtonBar.ButtonData.OK_DONE));
        confirm.setHeaderText("Clear the statement log?");
        confirm.initOwner(table.getScene().getWindow());
        confirm.getDialogPane().getStylesheets().setAll(table.getScene().getStylesheets());
        confirm.showAndWait().filter(answer -> answer.getButtonData() == ButtonBar.ButtonData.OK_DONE).ifPresent(answer -> {
            table.getSelectionModel().clearSelection();
            model.clear();
        });
    }

    /** The Totals menu: each action's statements, SELECTs, rows, errors and time since the totals' own reset. */
    private void fillTotals() {
        totalsButton.getItems().clear();
        java.util.List<org.persistenceexplorer.service.log.ActionTotals.Total> all = model.actionTotals();
        if (all.isEmpty()) {
            MenuItem none = new MenuItem("No statements since the totals were reset");
            none.setDisable(true);
            totalsButton.getItems().add(none);
        }
        for (var t : all.subList(0, Math.min(15, all.size()))) {
            MenuItem item = new MenuItem(String.format(java.util.Locale.ROOT, "%s — %,d statements, %,d SELECTs, %,d rows%s, %,.1f ms",
                    t.action(), t.statements(), t.selects(), t.rows(), t.errors() == 0 ? "" : ", " + t.errors() + " failed",
                    t.millis()));
            item.setOnAction(e -> model.filterProperty().set(t.action()));
            totalsButton.getItems().add(item);
        }
        totalsButton.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        MenuItem reset = new MenuItem("Reset the totals (the log keeps its rows)");
        reset.setId("logResetTotals");
        reset.setOnAction(e -> model.resetActionTotals());
        totalsButton.getItems().add(reset);
    }

    /** Adds a control at the right end of the log's toolbar (projector mode's text size). */
    public void addToToolbarEnd(javafx.scene.Node node) {
        toolbar.getChildren().add(node);
    }

    /** Lays a node over the top right corner of the log's table (projector mode's big counter). */
    public void overlayTopRight(javafx.scene.Node node) {
        tables.getChildren().add(node);
        javafx.scene.layout.StackPane.setAlignment(node, javafx.geometry.Pos.TOP_RIGHT);
        javafx.scene.layout.StackPane.setMargin(node, new javafx.geometry.Insets(4, 24, 0, 0));
    }

    /**
     * Projector mode's log: only what matters from the back of a room. One line per group of
     * similar statements (same action, kind and shape) with its kind, count and shape, e.g.
     * "SELECT ×100 select … from lab.employee where department_id=?"; the statement-by-statement
     * table steps aside until projector mode ends (its rows keep arriving, and come back with it).
     */
    public void setReduced(boolean reduced) {
        if (reduced) {
            table.getSelectionModel().clearSelection();
        }
        table.setVisible(!reduced);
        shapeTable.setVisible(reduced);
        shapeTable.setManaged(reduced);
        newestButton.visibleProperty().unbind();
        newestButton.visibleProperty().bind(model.followingProperty().not().and(shapeTable.visibleProperty().not()));
        if (reduced) {
            javafx.application.Platform.runLater(this::showNewestShape);
        }
    }

    private void showNewestShape() {
        if (!shapeTable.getItems().isEmpty()) {
            shapeTable.scrollTo(shapeTable.getItems().size() - 1);
        }
    }
}
