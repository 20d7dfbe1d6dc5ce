package org.persistenceexplorer.ui.tables;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.persistenceexplorer.service.tables.FilterOperator;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.RowFilter;
import org.persistenceexplorer.service.tables.RowOrder;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableSummary;
import org.persistenceexplorer.service.tables.entity.EntityState;
import org.persistenceexplorer.service.tables.entity.ModelAttribute;
import org.persistenceexplorer.service.tables.entity.Navigation;
import org.persistenceexplorer.ui.common.RunningTask;

/**
 * The Tables tab (fxml/TablesView.fxml): binds the schema browser, the grid (columns built per
 * table, sorting handed to the view-model so the database sorts, never the list), the filter
 * builder, export and generator progress, and entity mode's panel. FX thread.
 */
public final class TablesView {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
    static final String PROBLEM_MESSAGE = "pe-entity-problem";

    private final TablesViewModel model;
    private GridWindow gridWindow;

    @FXML private SplitPane split;
    @FXML private VBox browser;
    @FXML private javafx.scene.layout.BorderPane centre;
    @FXML private javafx.scene.layout.StackPane gridArea;
    @FXML private javafx.scene.control.TabPane sideTabs;
    @FXML private javafx.scene.control.ToggleButton sidePanelToggle;
    private SidePanel sidePanel;
    @FXML private TreeView<Object> schemaTree;
    @FXML private Label browserStatus;
    @FXML private Label tableTitle;
    @FXML private Label pagingLabel;
    @FXML private Button countButton;
    @FXML private Button exportButton;
    @FXML private MenuButton generateButton;
    @FXML private ComboBox<String> filterColumn;
    @FXML private ComboBox<FilterOperator> filterOperator;
    @FXML private TextField filterValue;
    @FXML private FlowPane filterChips;
    @FXML private HBox workBar;
    @FXML private ProgressBar workProgress;
    @FXML private Label workMessage;
    @FXML private Label problemLabel;
    @FXML private TableView<GridRow> grid;
    @FXML private javafx.scene.control.ScrollBar gridScroll;
    @FXML private TextArea structureText;
    @FXML private Label statusLabel;
    @FXML private Label selectionNote;
    /** Ctrl+A chose every row of the result, more than the table holds: copy says what it took. */
    private boolean wholeResultSelected;
    @FXML private Label generateResult;
    @FXML private VBox entityPane;
    @FXML private Label entityTitle;
    @FXML private Label stateBadge;
    @FXML private GridPane form;
    @FXML private Button saveButton;
    @FXML private Button newButton;
    @FXML private Button deleteButton;
    @FXML private Button reloadButton;
    @FXML private Label entityMessage;
    @FXML private ListView<String> transitionList;
    @FXML private ListView<String> statementList;
    @FXML private Label trailLabel;
    @FXML private FlowPane relationshipButtons;
    @FXML private VBox relatedBox;
    @FXML private Label relatedTitle;
    @FXML private Button openRelatedButton;
    @FXML private ListView<Navigation.Related> relatedList;
    @FXML private Label modelMessage;
    @FXML private ListView<ModelLine> modelList;

    public TablesView(TablesViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        split.setDividerPositions(0.16, 0.68);
        bindSidePanel();
        bindBrowser();
        bindGrid();
        bindFilters();
        bindWork();
        bindEntityPanel();
        bindNavigation();
        bindModel();
    }

    /**
     * The entity panel beside the grid, or over it when the tab is narrow (projector mode's large
     * text): the tab's text size is its status line's font, which inherits it.
     */
    private void bindSidePanel() {
        sidePanel = new SidePanel(split, browser, centre, sideTabs, gridArea, sidePanelToggle,
                () -> statusLabel.getFont().getSize());
        statusLabel.fontProperty().addListener(o -> sidePanel.fit());
        model.whenEntityPanelWanted(sidePanel::show);
        sidePanelToggle.setTooltip(new javafx.scene.control.Tooltip(
                "Shows or hides entity mode's panel and the entity model (over the grid when the tab is narrow)"));
    }

    private void bindBrowser() {
        SchemaBrowserViewModel browser = model.browser();
        schemaTree.setRoot(new TreeItem<>("tables"));
        schemaTree.setCellFactory(tree -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof TableSummary t) {
                    setText(t.ref().name() + "  " + (t.rowEstimate() < 0 ? "" : "~" + TablesViewModel.shortCount(t.rowEstimate()))
                            + (t.hasPrimaryKey() ? "" : "  (no key)"));
                } else {
                    setText(item.toString());
                }
            }
        });
        browser.tables().addListener((ListChangeListener<TableSummary>) change -> fillTree(browser.tables()));
        schemaTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() instanceof TableSummary t
                    && (model.grid().tableProperty().get() == null || !model.grid().tableProperty().get().ref().equals(t.ref()))) {
                model.open(t.ref());
            }
        });
        browserStatus.textProperty().bind(browser.statusProperty());
    }

    private void fillTree(List<TableSummary> tables) {
        Map<String, TreeItem<Object>> bySchema = new TreeMap<>();
        for (TableSummary t : tables) {
            TreeItem<Object> schema = bySchema.computeIfAbsent(t.ref().schema(), s -> {
                TreeItem<Object> item = new TreeItem<>(s);
                item.setExpanded(s.startsWith("hr"));
                return item;
            });
            schema.getChildren().add(new TreeItem<>(t));
        }
        schemaTree.getRoot().getChildren().setAll(bySchema.values());
    }

    private void bindGrid() {
        RowGridViewModel rows = model.grid();
        // The table holds a window of the result, with a fixed row height that follows the font;
        // gridScroll spans the whole result (GridWindow, WindowedRows).
        gridWindow = new GridWindow(grid, gridScroll, rows.window());
        grid.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        grid.getSelectionModel().setCellSelectionEnabled(false);
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(rows.loadingProperty()).then("Loading…").otherwise("No rows"));
        grid.setPlaceholder(empty);
        grid.setSortPolicy(table -> {
            List<TableColumn<GridRow, ?>> order = table.getSortOrder();
            RowOrder wanted = order.isEmpty() ? null : new RowOrder((String) order.get(0).getUserData(),
                    order.get(0).getSortType() == TableColumn.SortType.DESCENDING);
            rows.sortBy(wanted);
            return true;
        });
        rows.tableProperty().addListener((obs, old, table) -> showTable(table));
        tableTitle.textProperty().bind(Bindings.createStringBinding(() -> rows.tableProperty().get() == null
                ? "No table open" : rows.tableProperty().get().ref().toString(), rows.tableProperty()));
        pagingLabel.textProperty().bind(rows.pagingProperty());
        statusLabel.textProperty().bind(rows.statusProperty());
        problemLabel.textProperty().bind(rows.problemProperty());
        problemLabel.visibleProperty().bind(rows.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        countButton.disableProperty().bind(rows.tableProperty().isNull());
        exportButton.disableProperty().bind(rows.tableProperty().isNull().or(rows.exportProperty().isNotNull()));
        grid.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!gridWindow.quiet()) {
                model.entity().rowSelected(row);
            }
        });
        MenuItem copyRows = new MenuItem("Copy rows");
        copyRows.setOnAction(e -> copySelectedRows());
        MenuItem copyCell = new MenuItem("Copy cell");
        copyCell.setOnAction(e -> copyFocusedCell());
        grid.setContextMenu(new ContextMenu(copyRows, copyCell));
        grid.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copySelectedRows();
                e.consume();
            }
        });
        // Ctrl+A: the table can only select the rows it holds (a window of a long result), so the
        // note says how many rows that is of how many, and what copy and export will take.
        grid.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SELECT_ALL.match(e)) {
                grid.getSelectionModel().selectAll();
                selectedAll();
                e.consume();
            }
        });
        grid.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) change -> {
            if (!gridWindow.quiet() && wholeResultSelected && grid.getSelectionModel().getSelectedIndices().size() != grid.getItems().size()) {
                wholeResultSelected = false;
                selectionNote.setText("");
            }
        });
        rows.tableProperty().addListener((obs, old, table) -> clearSelectionNote());

        grid.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                showFullValue();
            }
        });
    }

    private void showTable(TableDescription table) {
        grid.getSortOrder().clear();
        grid.getColumns().setAll(table == null ? List.of() : GridColumns.of(table, model.grid()::follow));
        structureText.setText(table == null ? "" : StructureText.of(table));
        filterColumn.getItems().setAll(table == null ? List.of() : table.columnNames());
        if (table != null && !table.columnNames().isEmpty()) {
            filterColumn.getSelectionModel().select(0);
        }
        model.entity().tableOpened(table);
    }

    private void bindFilters() {
        filterOperator.getItems().setAll(FilterOperator.values());
        filterOperator.getSelectionModel().select(FilterOperator.EQUALS);
        filterValue.disableProperty().bind(Bindings.createBooleanBinding(() -> filterOperator.getValue() != null
                && !filterOperator.getValue().needsValue(), filterOperator.valueProperty()));
        filterValue.setOnAction(e -> addFilter());
        model.grid().filters().addListener((ListChangeListener<RowFilter>) change -> {
            filterChips.getChildren().clear();
            for (RowFilter filter : model.grid().filters()) {
                Button chip = new Button(filter + "  ✕");
                chip.getStyleClass().add("pe-filter-chip");
                chip.setOnAction(e -> model.grid().removeFilter(filter));
                filterChips.getChildren().add(chip);
            }
            filterChips.setVisible(!filterChips.getChildren().isEmpty());
            filterChips.setManaged(!filterChips.getChildren().isEmpty());
        });
    }

    private void bindWork() {
        for (Integer size : model.generator().sizes()) {
            MenuItem item = new MenuItem(String.format("%,d employees into %s", size, GeneratorViewModel.EMPLOYEES.schema()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.generator().generate(size));
            generateButton.getItems().add(item);
        }
        generateButton.disableProperty().bind(model.generator().runningProperty().isNotNull());
        generateResult.textProperty().bind(model.generator().resultProperty());
        model.generator().runningProperty().addListener((obs, old, task) -> showWork(task != null ? task : model.grid().exportProperty().get()));
        model.grid().exportProperty().addListener((obs, old, task) -> showWork(task != null ? task : model.generator().runningProperty().get()));
        showWork(null);
    }

    private void showWork(RunningTask task) {
        workBar.setVisible(task != null);
        workBar.setManaged(task != null);
        workProgress.progressProperty().unbind();
        workMessage.textProperty().unbind();
        if (task != null) {
            workProgress.progressProperty().bind(task.progressProperty());
            workMessage.textProperty().bind(task.messageProperty());
        }
    }

    private void bindEntityPanel() {
        EntityPanelViewModel entity = model.entity();
        entityTitle.textProperty().bind(entity.titleProperty());
        stateBadge.textProperty().bind(Bindings.createStringBinding(() -> entity.stateProperty().get() == null ? ""
                : entity.stateProperty().get().label(), entity.stateProperty()));
        entity.stateProperty().addListener((obs, old, state) -> {
            stateBadge.getStyleClass().removeIf(c -> c.startsWith("pe-state-"));
            if (state != null) {
                stateBadge.getStyleClass().add("pe-state-" + state.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        entityMessage.textProperty().bind(entity.messageProperty());
        entity.messageIsProblemProperty().addListener((obs, old, problem) -> {
            entityMessage.getStyleClass().remove(PROBLEM_MESSAGE);
            if (problem) {
                entityMessage.getStyleClass().add(PROBLEM_MESSAGE);
            }
        });
        saveButton.disableProperty().bind(entity.saveAllowedProperty().not());
        deleteButton.disableProperty().bind(entity.deleteAllowedProperty().not());
        newButton.disableProperty().bind(entity.availableProperty().not());
        reloadButton.disableProperty().bind(entity.reloadAllowedProperty().not());
        transitionList.setItems(entity.transitions());
        statementList.setItems(entity.statements());
        transitionList.setCellFactory(WrappingCell::new);
        statementList.setCellFactory(WrappingCell::new);
        entity.fields().addListener((ListChangeListener<FieldRow>) change -> buildForm(entity.fields()));
    }

    private void bindNavigation() {
        EntityPanelViewModel entity = model.entity();
        trailLabel.textProperty().bind(entity.trailProperty());
        entity.relationships().addListener((ListChangeListener<ModelAttribute>) change -> {
            relationshipButtons.getChildren().clear();
            for (ModelAttribute relationship : entity.relationships()) {
                Button follow = new Button(relationship.name() + " →");
                follow.setId("follow-" + relationship.name());
                follow.setMnemonicParsing(false);
                follow.getStyleClass().add("pe-follow-button");
                follow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                follow.setTooltip(new javafx.scene.control.Tooltip(relationship.relationship() + " " + relationship.target()
                        + ", fetch " + relationship.fetch()));
                follow.disableProperty().bind(entity.stateProperty().isNull()
                        .or(entity.stateProperty().isEqualTo(EntityState.TRANSIENT)));
                follow.setOnAction(e -> entity.follow(relationship));
                relationshipButtons.getChildren().add(follow);
            }
        });
        relatedList.setItems(entity.related());
        relatedTitle.textProperty().bind(entity.relatedTitleProperty());
        relatedBox.visibleProperty().bind(Bindings.isNotEmpty(entity.related()));
        relatedBox.managedProperty().bind(relatedBox.visibleProperty());
        openRelatedButton.disableProperty().bind(relatedList.getSelectionModel().selectedItemProperty().isNull());
        relatedList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openRelated();
            }
        });
    }

    @FXML
    private void openRelated() {
        Navigation.Related target = relatedList.getSelectionModel().getSelectedItem();
        if (target != null) {
            model.entity().openRelated(target);
        }
    }

    private void bindModel() {
        EntityModelViewModel mapping = model.entityModel();
        modelList.setItems(mapping.lines());
        modelList.setCellFactory(list -> new ModelLineCell(list));
        modelMessage.textProperty().bind(mapping.messageProperty());
        modelMessage.visibleProperty().bind(mapping.messageProperty().isNotEmpty());
        modelMessage.managedProperty().bind(modelMessage.visibleProperty());
    }

    /** A line of the entity model: headings bold, details indented and muted, long lines wrapped. */
    private static final class ModelLineCell extends javafx.scene.control.ListCell<ModelLine> {
        ModelLineCell(ListView<ModelLine> list) {
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            setMaxWidth(USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(ModelLine item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("pe-model-heading", "pe-model-entry", "pe-model-detail");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.text());
            getStyleClass().add(item.depth() == 0 ? "pe-model-heading" : item.depth() == 1 ? "pe-model-entry" : "pe-model-detail");
        }
    }

    private void buildForm(List<FieldRow> rows) {
        form.getChildren().clear();
        int line = 0;
        for (FieldRow row : rows) {
            Label name = new Label(row.field().attribute());
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            TextField value = new TextField();
            value.setId("field-" + row.field().attribute());
            value.textProperty().bindBidirectional(row.textProperty());
            value.setEditable(row.field().editable());
            value.setPromptText(row.field().type());
            if (!row.field().editable()) {
                value.getStyleClass().add("pe-readonly-field");
            }
            Label error = new Label();
            error.getStyleClass().add("pe-field-error");
            error.setId("error-" + row.field().attribute());
            error.textProperty().bind(row.errorProperty());
            error.visibleProperty().bind(row.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            error.setWrapText(true);
            VBox cell = new VBox(2, value, error);
            form.add(name, 0, line);
            form.add(cell, 1, line);
            GridPane.setHgrow(cell, javafx.scene.layout.Priority.ALWAYS);
            line++;
        }
    }

    @FXML
    private void refreshCatalog() {
        model.browser().refresh();
    }

    @FXML
    private void countExactly() {
        model.grid().countExactly();
    }

    @FXML
    private void addFilter() {
        String column = filterColumn.getValue();
        FilterOperator operator = filterOperator.getValue();
        if (column != null && operator != null) {
            model.grid().addFilter(new RowFilter(column, operator, filterValue.getText()));
            filterValue.clear();
        }
    }

    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(model.grid().tableProperty().get().ref() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(grid.getScene().getWindow());
        if (file != null) {
            model.grid().exportCsv(file.toPath());
        }
    }

    @FXML
    private void cancelWork() {
        RunningTask export = model.grid().exportProperty().get();
        if (export != null) {
            export.cancel();
        }
        model.generator().cancel();
    }

    @FXML
    private void save() {
        model.entity().save();
    }

    @FXML
    private void startNew() {
        model.entity().startNew();
    }

    @FXML
    private void delete() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, model.entity().deleteQuestion(), ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText("Delete the row?");
        confirm.initOwner(grid.getScene().getWindow());
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            model.entity().delete();
        }
    }

    @FXML
    private void reload() {
        model.entity().reload();
    }

    private void selectedAll() {
        int total = model.grid().window().window().total();
        int held = grid.getItems().size();
        if (grid.getSelectionModel().getSelectedIndices().size() != held || held == 0) {
            clearSelectionNote();
            return;
        }
        wholeResultSelected = true;
        selectionNote.setText(held == total
                ? String.format("All %,d rows selected.", total)
                : String.format("%,d of %,d rows selected (the rows around the view): copy takes the loaded ones of them; "
                        + "Export CSV writes all %,d.", held, total, total));
    }

    private void clearSelectionNote() {
        wholeResultSelected = false;
        selectionNote.setText("");
    }

    private void copySelectedRows() {
        StringBuilder text = new StringBuilder();
        int copied = 0;
        int selected = 0;
        for (GridRow row : grid.getSelectionModel().getSelectedItems()) {
            selected++;
            if (row != null) {
                copied++;
                text.append(String.join("\t", row.values().stream().map(v -> v == null ? "" : v).toList())).append('\n');
            }
        }
        toClipboard(text.toString());
        if (copied < selected || wholeResultSelected) {
            int total = model.grid().window().window().total();
            selectionNote.setText(String.format("Copied %,d of %,d rows (only loaded rows are copied)%s.", copied,
                    wholeResultSelected ? total : selected, wholeResultSelected && copied < total
                            ? String.format("; Export CSV writes all %,d", total) : ""));
        }
    }

    private void copyFocusedCell() {
        TablePosition<GridRow, ?> focused = grid.getFocusModel().getFocusedCell();
        GridRow row = grid.getFocusModel().getFocusedItem();
        if (focused != null && row != null && focused.getColumn() >= 0) {
            String value = row.values().get(focused.getColumn());
            toClipboard(value == null ? "" : value);
        }
    }

    private void showFullValue() {
        GridRow row = grid.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        for (int i = 0; i < row.values().size(); i++) {
            if (row.cut(i)) {
                model.grid().fullValue(row, i, value -> {
                    TextArea area = new TextArea(value == null ? "NULL" : value);
                    area.setEditable(false);
                    area.setWrapText(true);
                    Alert alert = new Alert(Alert.AlertType.INFORMATION);
                    alert.setHeaderText("The whole value (" + (value == null ? 0 : value.length()) + " characters)");
                    alert.getDialogPane().setContent(area);
                    alert.initOwner(grid.getScene().getWindow());
                    alert.show();
                });
                return;
            }
        }
    }

    /**
     * A list line that wraps instead of hiding its end behind "...": a Text node with a wrapping
     * width as wide as the list (a wrapping ListCell alone kept one line's height here).
     */
    private static final class WrappingCell extends javafx.scene.control.ListCell<String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();

        WrappingCell(ListView<String> list) {
            text.wrappingWidthProperty().bind(list.widthProperty().subtract(30));
            text.getStyleClass().add("pe-wrapping-text");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty || item == null ? null : text);
        }
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
