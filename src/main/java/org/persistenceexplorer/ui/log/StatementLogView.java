package org.persistenceexplorer.ui.log;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The statement log panel (fxml/StatementLogView.fxml): binds the table, filter, pause, clear
 * and copy to its view-model. FX thread.
 */
public final class StatementLogView {

    static final String FAILED_ROW = "pe-failed-row";
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final StatementLogViewModel model;

    @FXML private TableView<LogRow> table;
    @FXML private TableColumn<LogRow, String> sequenceColumn;
    @FXML private TableColumn<LogRow, String> timeColumn;
    @FXML private TableColumn<LogRow, String> engineColumn;
    @FXML private TableColumn<LogRow, String> kindColumn;
    @FXML private TableColumn<LogRow, String> actionColumn;
    @FXML private TableColumn<LogRow, String> textColumn;
    @FXML private TableColumn<LogRow, String> durationColumn;
    @FXML private TableColumn<LogRow, String> rowsColumn;
    @FXML private TextField filterField;
    @FXML private ToggleButton pauseButton;
    @FXML private Button clearButton;
    @FXML private Button copyButton;
    @FXML private Label summaryLabel;

    public StatementLogView(StatementLogViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        bind(sequenceColumn, row -> Long.toString(row.sequence()));
        bind(timeColumn, LogRow::time);
        bind(engineColumn, LogRow::engine);
        bind(kindColumn, LogRow::kind);
        bind(actionColumn, LogRow::action);
        bind(textColumn, LogRow::text);
        bind(durationColumn, LogRow::duration);
        bind(rowsColumn, LogRow::rows);
        table.setItems(model.visibleRows());
        table.setPlaceholder(new Label("No statements yet. Everything the app runs on PostgreSQL and Neo4j appears here."));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(LogRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(FAILED_ROW);
                setTooltip(null);
                if (!empty && row != null && row.failed()) {
                    getStyleClass().add(FAILED_ROW);
                    setTooltip(new Tooltip(row.statement().error()));
                }
            }
        });
        // Follow the newest statement unless the user scrolled up to read.
        model.visibleRows().addListener((javafx.collections.ListChangeListener<LogRow>) change -> {
            if (!model.pausedProperty().get() && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.scrollTo(table.getItems().size() - 1);
            }
        });
        filterField.textProperty().bindBidirectional(model.filterProperty());
        pauseButton.selectedProperty().bindBidirectional(model.pausedProperty());
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.pausedProperty())
                .then("Resume").otherwise("Pause"));
        summaryLabel.textProperty().bind(model.summaryProperty());
        copyButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        MenuItem copy = new MenuItem("Copy statement with parameters");
        copy.setOnAction(e -> copySelected());
        table.setContextMenu(new ContextMenu(copy));
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copySelected();
                e.consume();
            }
        });
    }

    private static void bind(TableColumn<LogRow, String> column, Function<LogRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void copySelected() {
        LogRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.copyText());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    private void clear() {
        table.getSelectionModel().clearSelection();
        model.clear();
    }
}
