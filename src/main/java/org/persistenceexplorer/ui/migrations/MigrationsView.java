package org.persistenceexplorer.ui.migrations;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Skin;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableRowSkin;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.persistenceexplorer.domain.migration.HistoryEntry;
import org.persistenceexplorer.service.migrations.FolderEntry;
import org.persistenceexplorer.service.migrations.SchemaChange;
import org.persistenceexplorer.service.migrations.TrackTimeline;
import org.persistenceexplorer.ui.common.FrameTurns;
import org.persistenceexplorer.ui.common.ListUpdates;
import org.persistenceexplorer.ui.common.PlainTextCellSkin;

/**
 * Binds fxml/MigrationsView.fxml to a {@link MigrationsViewModel}: the track choice, the timeline
 * slider (its points are the track's versions), the history table, the selected migration's SQL,
 * diff and diagram, the comparison and the folder listing. Asks before a rebuild. Binds and
 * forwards only; FX thread.
 */
public final class MigrationsView {

    private static final DateTimeFormatter INSTALLED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final MigrationsViewModel model;

    @FXML private BorderPane root;
    @FXML private ComboBox<String> trackChoice;
    @FXML private Label currentLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelButton;
    @FXML private Slider timeline;
    @FXML private Label targetLabel;
    @FXML private Button moveButton;
    @FXML private Label messageLabel;
    @FXML private VBox problemsBox;
    @FXML private VBox problemLines;
    @FXML private TableView<HistoryEntry> historyTable;
    @FXML private TableColumn<HistoryEntry, String> currentColumn;
    @FXML private TableColumn<HistoryEntry, String> versionColumn;
    @FXML private TableColumn<HistoryEntry, String> descriptionColumn;
    @FXML private TableColumn<HistoryEntry, String> typeColumn;
    @FXML private TableColumn<HistoryEntry, String> scriptColumn;
    @FXML private TableColumn<HistoryEntry, String> checksumColumn;
    @FXML private TableColumn<HistoryEntry, String> installedOnColumn;
    @FXML private TableColumn<HistoryEntry, String> installedByColumn;
    @FXML private TableColumn<HistoryEntry, String> timeColumn;
    @FXML private TableColumn<HistoryEntry, String> stateColumn;
    @FXML private Label selectionLabel;
    @FXML private TextFlow sqlFlow;
    @FXML private TextFlow undoFlow;
    @FXML private ListView<SchemaChange> changesList;
    @FXML private SchemaDiagram diagram;
    @FXML private ComboBox<String> compareFrom;
    @FXML private ComboBox<String> compareTo;
    @FXML private ListView<SchemaChange> comparisonList;
    @FXML private SchemaDiagram compareDiagram;
    @FXML private ListView<FolderEntry> folderList;
    @FXML private ModelChangesPane modelPane;
    @FXML private javafx.scene.control.TabPane detailTabs;
    @FXML private javafx.scene.control.Tab undoTab;
    @FXML private javafx.scene.control.Tab folderTab;
    @FXML private javafx.scene.control.Tab compareTab;
    private boolean syncingSlider;
    /**
     * The panes below the history (SQL, diff, diagram) are filled one per frame after the one
     * that lays out the history: a track's first open built them all with the history's first
     * rows in one pulse (150-235 ms of FX CPU in a cold JVM, a third of it these panes).
     */
    private final FrameTurns.OnePerFrame turns = new FrameTurns.OnePerFrame();
    private final javafx.collections.ObservableList<SchemaChange> shownChanges = FXCollections.observableArrayList();
    /** The history table's items: the model's history, entries changed in place replaced without a list change. */
    private final HistoryRows shownHistory = new HistoryRows();
    /** The history's selection is given a row's new entry (see {@link #showHistory}): not a choice to pass on. */
    private boolean reselecting;

    public MigrationsView(MigrationsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        trackChoice.setItems(model.tracks());
        // Selected through the selection model, not a value binding: a track added to the items
        // (a folder opened) left a bound ComboBox showing nothing.
        model.selectedTrackProperty().addListener((obs, old, now) -> trackChoice.getSelectionModel().select(now));
        trackChoice.getSelectionModel().select(model.selectedTrackProperty().get());
        trackChoice.setOnAction(e -> {
            String chosen = trackChoice.getValue();
            if (chosen != null && !chosen.equals(model.selectedTrackProperty().get())) {
                model.openTrack(chosen);
            }
        });
        currentLabel.textProperty().bind(model.currentLineProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        progressBar.visibleProperty().bind(model.busyProperty());
        progressLabel.textProperty().bind(model.progressTextProperty());
        cancelButton.disableProperty().bind(model.busyProperty().not());
        moveButton.disableProperty().bind(model.busyProperty());
        bindMessageLine();
        model.failedProperty().addListener((obs, was, now) -> {
            messageLabel.getStyleClass().remove("pe-failed");
            if (now) {
                messageLabel.getStyleClass().add("pe-failed");
            }
        });
        bindTimeline();
        bindProblems();
        bindHistory();
        bindSelection();
        compareFrom.setItems(model.versions());
        compareTo.setItems(model.versions());
        compareFrom.valueProperty().bindBidirectional(model.compareFromProperty());
        compareTo.valueProperty().bindBidirectional(model.compareToProperty());
        compareFrom.setConverter(versionNames());
        compareTo.setConverter(versionNames());
        comparisonList.setCellFactory(list -> new ChangeCell());
        comparisonList.setPlaceholder(new Label("The two versions have the same schema."));
        bindComparison();
        modelPane.bind(model.modelChanges(), model::saveAndApply, model::resetCopy, model.busyProperty());
        folderList.setCellFactory(list -> new FolderCell());
        whileShown(folderTab, () -> {
            if (folderList.getItems() != model.folder()) {
                folderList.setItems(model.folder());
            }
        }, () -> folderList.setItems(FXCollections.emptyObservableList()));
        model.rebuildQuestionProperty().addListener((obs, old, question) -> {
            if (question != null) {
                askRebuild(question);
            }
        });
    }

    /**
     * The outcome line under the timeline. Every action clears it when it starts and sets it when
     * it ends: a line that came and went each time moved everything below it, and the FX thread
     * laid out the history, the SQL, the diff and the diagram again at the new height, twice per
     * action. Once a message has been shown the line keeps its place (a no-break space while
     * empty); before that it takes none.
     */
    private void bindMessageLine() {
        boolean[] reserved = {false};
        Runnable show = () -> {
            String text = model.messageProperty().get();
            reserved[0] |= !text.isEmpty();
            messageLabel.setText(text.isEmpty() && reserved[0] ? "\u00a0" : text);
            messageLabel.setManaged(reserved[0]);
            messageLabel.setVisible(reserved[0]);
        };
        model.messageProperty().addListener((obs, old, now) -> show.run());
        show.run();
    }

    /**
     * The comparison's list and diagram are filled only while their tab shows: every track opened
     * or moved recomputes them, and cells and boxes built in a hidden tab were FX-thread work
     * (CSS, layout) nobody saw. Opening the tab fills them from the model's current values.
     */
    private void bindComparison() {
        Object[] drawn = {this};
        Runnable refresh = whileShown(compareTab, () -> {
            if (comparisonList.getItems() != model.comparison()) {
                comparisonList.setItems(model.comparison());
            }
            if (drawn[0] != model.compareDiagramProperty().get()) {
                drawn[0] = model.compareDiagramProperty().get();
                compareDiagram.show(model.compareDiagramProperty().get());
            }
        }, () -> comparisonList.setItems(FXCollections.emptyObservableList()));
        model.compareDiagramProperty().addListener((obs, old, now) -> refresh.run());
    }

    /**
     * A hidden tab's content costs the FX thread as much as a shown one (CSS and layout run for
     * invisible nodes too): {@code fill} runs when the tab shows (and now, if it does), {@code
     * empty} when it is hidden again. Returns a refresh that fills only while the tab shows.
     */
    private static Runnable whileShown(javafx.scene.control.Tab tab, Runnable fill, Runnable empty) {
        Runnable refresh = () -> {
            if (tab.isSelected()) {
                fill.run();
            }
        };
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                fill.run();
            } else {
                empty.run();
            }
        });
        refresh.run();
        return refresh;
    }

    private void bindTimeline() {
        timeline.setMin(0);
        timeline.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double index) {
                List<String> versions = model.versions();
                int i = (int) Math.round(index);
                return i >= 0 && i < versions.size() ? (i == 0 ? "empty" : "v" + versions.get(i)) : "";
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        model.versions().addListener((ListChangeListener<String>) c -> {
            syncingSlider = true;
            timeline.setMax(Math.max(1, model.versions().size() - 1));
            timeline.setDisable(model.versions().size() < 2);
            syncingSlider = false;
            syncSlider();
        });
        model.targetProperty().addListener((obs, old, now) -> syncSlider());
        timeline.valueProperty().addListener((obs, old, now) -> {
            if (syncingSlider) {
                return;
            }
            int i = (int) Math.round(now.doubleValue());
            if (i >= 0 && i < model.versions().size()) {
                model.targetProperty().set(model.versions().get(i));
                if (i > 0) {
                    model.selectedVersionProperty().set(model.versions().get(i));
                }
            }
        });
        targetLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String target = model.targetProperty().get();
            TrackTimeline t = model.timelineProperty().get();
            if (target == null || t == null) {
                return "";
            }
            String name = TrackTimeline.EMPTY.equals(target) ? "empty schema"
                    : t.step(target).map(s -> "v" + s.label()).orElse("v" + target);
            return name + (t.isCurrent(target) ? " (current)" : "");
        }, model.targetProperty(), model.timelineProperty()));
    }

    private void syncSlider() {
        int i = model.versions().indexOf(model.targetProperty().get());
        if (i >= 0) {
            syncingSlider = true;
            timeline.setValue(i);
            syncingSlider = false;
        }
    }

    private void bindProblems() {
        model.problems().addListener((ListChangeListener<String>) c -> showProblems());
        showProblems();
    }

    private void showProblems() {
        problemLines.getChildren().setAll(model.problems().stream().map(text -> {
            Label line = new Label("⚠ " + text);
            line.setWrapText(true);
            line.getStyleClass().add("pe-migration-problem");
            return line;
        }).toList());
        problemsBox.setVisible(!model.problems().isEmpty());
        problemsBox.setManaged(!model.problems().isEmpty());
    }

    private void bindHistory() {
        historyTable.setItems(shownHistory);
        shownHistory.show(model.history());
        model.history().addListener((ListChangeListener<HistoryEntry>) c -> showHistory());
        historyTable.setPlaceholder(new Label("No scripts in this track."));
        column(currentColumn, e -> e.current() ? "▶" : "");
        column(versionColumn, e -> e.version() == null ? "" : e.version());
        column(descriptionColumn, HistoryEntry::description);
        column(typeColumn, HistoryEntry::type);
        column(scriptColumn, HistoryEntry::script);
        column(checksumColumn, e -> e.checksumDrift() ? e.checksum() + " ≠ file " + e.fileChecksum()
                : e.checksum() == null ? "" : String.valueOf(e.checksum()));
        column(installedOnColumn, e -> e.installedOn() == null ? "" : INSTALLED.format(e.installedOn()));
        column(installedByColumn, e -> e.installedBy() == null ? "" : e.installedBy());
        column(timeColumn, e -> e.executionMillis() == null ? "" : String.valueOf(e.executionMillis()));
        column(stateColumn, HistoryEntry::state);
        historyTable.setRowFactory(table -> new HistoryRow());
        // On the column menu's button (the ⋮ at the header's right end) only: on the whole table it
        // showed over every row, and over the menu's first entry as the menu opened.
        javafx.scene.control.Tooltip hiddenColumns = new javafx.scene.control.Tooltip(
                "More columns: checksum, installed by and time (ms).");
        historyTable.skinProperty().addListener((obs, old, skin) -> {
            javafx.scene.Node button = skin == null ? null : historyTable.lookup(".show-hide-columns-button");
            if (button != null) {
                javafx.scene.control.Tooltip.install(button, hiddenColumns);
            }
        });
        // A drifted file is the one thing the hidden checksum column must not hide.
        Runnable showDrift = () -> {
            if (model.history().stream().anyMatch(HistoryEntry::checksumDrift)) {
                checksumColumn.setVisible(true);
            }
        };
        model.history().addListener((ListChangeListener<HistoryEntry>) c -> showDrift.run());
        showDrift.run();
        historyTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.version() != null && !reselecting) {
                model.selectedVersionProperty().set(now.version());
            }
        });
    }

    /**
     * The model's history into the table: rows whose entry changed in place (after a move, most of
     * them) are given it again here, the table's other rows are left alone (see {@link HistoryRows}).
     */
    private void showHistory() {
        List<Integer> replaced = shownHistory.show(model.history());
        if (replaced.isEmpty()) {
            return;
        }
        // The table's own flow (no skin yet: its rows take their entries when first laid out).
        if (historyTable.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            for (int i : replaced) {
                javafx.scene.control.IndexedCell<?> row = flow.getVisibleCell(i);
                if (row != null) {
                    row.updateIndex(i); // the same index, a new entry: TableRow and its cells update their item
                }
            }
        }
        // The selection and focus models hold the item they were given: give them the new one (the
        // same row, so the same version: not the user's choice, the model is not told; telling it
        // made it show the selection twice while a track opened).
        TableView.TableViewSelectionModel<HistoryEntry> selection = historyTable.getSelectionModel();
        int selected = selection.getSelectedIndex();
        if (selected >= 0 && replaced.contains(selected) && selection.getSelectedIndices().size() == 1) {
            reselecting = true;
            try {
                selection.clearAndSelect(selected);
            } finally {
                reselecting = false;
            }
        }
        int focused = historyTable.getFocusModel().getFocusedIndex();
        if (focused >= 0 && replaced.contains(focused)) {
            historyTable.getFocusModel().focus(focused);
        }
    }

    private static void column(TableColumn<HistoryEntry, String> column, Function<HistoryEntry, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new HistoryCell());
    }

    /**
     * A history cell: its text drawn by one Text node ({@link PlainTextCellSkin}), not the Labeled
     * skin's, which re-sets its children and measures the text three times on every text change (a
     * move gives new text to every cell of the rows that changed; docs/BENCHMARKS.md, 2026-12-03).
     * The row's state colours it as before (CSS on the cell's text fill and font).
     */
    static final class HistoryCell extends javafx.scene.control.TableCell<HistoryEntry, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return new PlainTextCellSkin<>(this);
        }
    }

    private void bindSelection() {
        selectionLabel.textProperty().bind(model.selectionTitleProperty());
        model.sqlProperty().addListener((obs, old, now) -> turns.later(sqlFlow,
                () -> sqlFlow.getChildren().setAll(SqlHighlight.runs(model.sqlProperty().get()))));
        Runnable showUndo = whileShown(undoTab, () -> {
            String undo = model.undoSqlProperty().get();
            String text = undo.isEmpty() ? "-- This version has no undo script: going back rebuilds the schema." : undo;
            if (!text.equals(undoFlow.getUserData())) {
                undoFlow.setUserData(text);
                undoFlow.getChildren().setAll(SqlHighlight.runs(text));
            }
        }, () -> { });
        model.undoSqlProperty().addListener((obs, old, now) -> showUndo.run());
        changesList.setItems(shownChanges);
        model.changes().addListener((ListChangeListener<SchemaChange>) c -> turns.later(changesList,
                () -> ListUpdates.replace(shownChanges, model.changes())));
        changesList.setCellFactory(list -> new ChangeCell());
        changesList.setPlaceholder(new Label("No change to the schema's structure (a data-only step?)."));
        model.diagramProperty().addListener((obs, old, now) -> turns.later(diagram, () -> diagram.show(model.diagramProperty().get())));
    }

    private StringConverter<String> versionNames() {
        return new StringConverter<>() {
            @Override
            public String toString(String version) {
                if (version == null) {
                    return "";
                }
                TrackTimeline t = model.timelineProperty().get();
                if (TrackTimeline.EMPTY.equals(version)) {
                    return "empty schema";
                }
                return t == null ? version : t.step(version).map(s -> "v" + s.label()).orElse(version);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private void askRebuild(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question);
        alert.setTitle("Rebuild the schema?");
        alert.setHeaderText("This track has no undo scripts for that step back");
        ButtonType rebuild = new ButtonType("Drop and rebuild", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(rebuild, ButtonType.CANCEL);
        alert.getDialogPane().setMinWidth(560);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        // Not showAndWait: the FX thread keeps running (tests answer the dialog through the model).
        alert.resultProperty().addListener((obs, old, answer) -> {
            if (answer == rebuild) {
                model.confirmRebuild();
            } else {
                model.declineRebuild();
            }
        });
        alert.show();
    }

    @FXML
    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of Flyway scripts");
        File chosen = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen != null) {
            model.openFolder(chosen.toPath());
        }
    }

    @FXML
    private void moveHere() {
        model.moveToTarget();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void repair() {
        model.repair();
    }

    @FXML
    private void applyOutOfOrder() {
        model.applyOutOfOrder();
    }

    /**
     * A history row's state and the current version as pseudo-classes (:pe-state-pending,
     * :pe-current; migrations.css), not style classes: a changed style class makes JavaFX match
     * the row and its ten cells against every stylesheet again, a pseudo-class only switches
     * between styles it has already matched.
     */
    static final class HistoryRow extends TableRow<HistoryEntry> {
        private static final java.util.Map<String, PseudoClass> STATES = new java.util.concurrent.ConcurrentHashMap<>();
        private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("pe-current");
        private PseudoClass state;

        /**
         * A row that is empty when it is first styled (VirtualFlow fills the viewport below the last
         * version with them) gets a skin without cells: the default one builds a cell per column
         * for every such row, half the FX thread's work in a track's first open. The table's own
         * skin replaces it once the row is given a version. Empty rows draw only their background
         * (modena shows no cell there but the column lines).
         */
        @Override
        protected Skin<?> createDefaultSkin() {
            return isEmpty() ? new EmptyRowSkin(this) : new TableRowSkin<>(this);
        }

        @Override
        protected void updateItem(HistoryEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (!empty && getSkin() instanceof EmptyRowSkin) {
                setSkin(new TableRowSkin<>(this));
            }
            PseudoClass now = empty || item == null ? null : STATES.computeIfAbsent(
                    item.state().toLowerCase(Locale.ROOT).split(" ")[0], s -> PseudoClass.getPseudoClass("pe-state-" + s));
            if (now != state) {
                if (state != null) {
                    pseudoClassStateChanged(state, false);
                }
                if (now != null) {
                    pseudoClassStateChanged(now, true);
                }
                state = now;
            }
            pseudoClassStateChanged(CURRENT, !empty && item != null && item.current());
        }
    }

    /** The skin of a history row that has never shown a version: no cells, the row's background only. */
    static final class EmptyRowSkin extends javafx.scene.control.SkinBase<TableRow<HistoryEntry>> {
        EmptyRowSkin(TableRow<HistoryEntry> row) {
            super(row);
        }
    }

    /** Wraps long lines instead of cutting them: a diff line is read in full. Its mark is a pseudo-class (see {@link HistoryRow}). */
    private static final class ChangeCell extends ListCell<SchemaChange> {
        private static final PseudoClass ADDED = PseudoClass.getPseudoClass(SchemaDiagram.ADDED);
        private static final PseudoClass REMOVED = PseudoClass.getPseudoClass(SchemaDiagram.REMOVED);
        private static final PseudoClass CHANGED = PseudoClass.getPseudoClass(SchemaDiagram.CHANGED);

        ChangeCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SchemaChange item, boolean empty) {
            super.updateItem(item, empty);
            SchemaChange.Kind kind = empty || item == null ? null : item.kind();
            pseudoClassStateChanged(ADDED, kind == SchemaChange.Kind.ADDED);
            pseudoClassStateChanged(REMOVED, kind == SchemaChange.Kind.REMOVED);
            pseudoClassStateChanged(CHANGED, kind == SchemaChange.Kind.CHANGED);
            if (kind == null) {
                setText(null);
                return;
            }
            String mark = switch (kind) {
                case ADDED -> "+ ";
                case REMOVED -> "− ";
                case CHANGED -> "~ ";
            };
            setText(mark + item.describe());
        }
    }

    private static final class FolderCell extends ListCell<FolderEntry> {
        private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("pe-file-refused");

        FolderCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(FolderEntry item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(REFUSED, !empty && item != null && !item.runs());
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText((item.runs() ? "✓ " : "✗ ") + item.file() + " — " + item.what());
        }
    }
}
