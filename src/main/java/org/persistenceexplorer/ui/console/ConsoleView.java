package org.persistenceexplorer.ui.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.Preset;
import org.persistenceexplorer.service.console.Presets;

/**
 * The Query Console's view (fxml/ConsoleView.fxml): a RichTextFX editor with highlighting and
 * the error marker, the toolbar, the parameters and history panels, and the result tabs.
 * Ctrl+Enter runs the statement at the caret (or the selection), Ctrl+Shift+Enter the script.
 * Binds and forwards; {@link ConsoleViewModel} decides. FX thread.
 */
public final class ConsoleView {

    private final ConsoleViewModel model;
    private final CodeArea editor = new CodeArea();
    private CompletionPopup completion;

    @FXML private ChoiceBox<ConsoleMode> modeChoice;
    @FXML private Button runButton;
    @FXML private Button runScriptButton;
    @FXML private Button explainButton;
    @FXML private Button analyzeButton;
    @FXML private Button cancelButton;
    @FXML private Spinner<Integer> timeoutSpinner;
    @FXML private CheckBox readOnlyCheck;
    @FXML private MenuButton presetsMenu;
    @FXML private StackPane editorHolder;
    @FXML private Label parametersHint;
    @FXML private TableView<ParameterRow> parametersTable;
    @FXML private TableColumn<ParameterRow, String> parameterName;
    @FXML private TableColumn<ParameterRow, String> parameterValue;
    @FXML private TextField historySearch;
    @FXML private ListView<ConsoleHistory.Entry> historyList;
    @FXML private Label statusLabel;
    @FXML private Button fetchMoreButton;
    @FXML private Button copyButton;
    @FXML private Button csvButton;
    @FXML private Label errorLabel;
    @FXML private SplitPane resultSplit;
    @FXML private TabPane resultTabs;
    @FXML private VBox sqlPanel;
    @FXML private TextArea generatedSql;

    public ConsoleView(ConsoleViewModel model) {
        this.model = model;
    }

    /** Ctrl+Space: the names and keywords that fit at the caret. */
    void complete() {
        completion.request();
    }

    /** The editor, for tests and the feature (initial text). */
    public CodeArea editor() {
        return editor;
    }

    @FXML
    private void initialize() {
        editor.setId("consoleEditor");
        editor.getStyleClass().add("pe-console-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editorHolder.getChildren().add(new VirtualizedScrollPane<>(editor));
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        completion = new CompletionPopup(editor, model);
        editor.multiPlainChanges().successionEnds(Duration.ofMillis(120)).subscribe(change -> {
            model.updateParameters(editor.getText());
            highlight(-1);
        });

        modeChoice.getItems().setAll(ConsoleMode.values());
        modeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConsoleMode mode) {
                return mode == null ? "" : mode.title();
            }

            @Override
            public ConsoleMode fromString(String text) {
                return ConsoleMode.valueOf(text);
            }
        });
        modeChoice.valueProperty().bindBidirectional(model.modeProperty());
        model.modeProperty().addListener((o, was, now) -> {
            analyzeButton.setText(now == ConsoleMode.CYPHER ? "Profile" : "Explain analyze");
            model.updateParameters(editor.getText());
            highlight(-1);
            sqlPanelShown(now == ConsoleMode.HQL);
        });
        sqlPanelShown(false);

        timeoutSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 3600,
                model.timeoutSecondsProperty().get(), 5));
        timeoutSpinner.valueProperty().addListener((o, was, now) -> model.timeoutSecondsProperty().set(now == null ? 0 : now));
        timeoutSpinner.setTooltip(new Tooltip("How long a statement may run before the server stops it (0: no limit)."));
        readOnlyCheck.selectedProperty().bindBidirectional(model.readOnlyProperty());
        readOnlyCheck.setTooltip(new Tooltip("Run statements in a read-only transaction; a write asks first."));

        runButton.disableProperty().bind(model.runningProperty());
        runScriptButton.disableProperty().bind(model.runningProperty());
        explainButton.disableProperty().bind(model.runningProperty());
        analyzeButton.disableProperty().bind(model.runningProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        runButton.setTooltip(new Tooltip("Run the statement at the caret or the selection (Ctrl+Enter)"));
        runScriptButton.setTooltip(new Tooltip("Run every statement in order (Ctrl+Shift+Enter)"));
        fetchMoreButton.visibleProperty().bind(model.canFetchMoreProperty());
        fetchMoreButton.managedProperty().bind(fetchMoreButton.visibleProperty());

        for (Preset preset : Presets.all()) {
            MenuItem item = new MenuItem(preset.mode().title() + ": " + preset.title());
            item.setOnAction(e -> choose(preset));
            presetsMenu.getItems().add(item);
        }

        parametersHint.setText("Write :name (SQL, HQL) or $name (Cypher) in the statement; its value goes here "
                + "and is always sent bound, never pasted into the text.");
        parametersTable.setItems(model.parameters());
        parametersTable.setPlaceholder(new Label("No parameters in the statement."));
        parameterName.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().name()));
        parameterValue.setCellValueFactory(c -> c.getValue().valueProperty());
        parameterValue.setCellFactory(TextFieldTableCell.forTableColumn());

        historyList.setItems(model.history().found());
        historySearch.textProperty().addListener((o, was, now) -> model.history().search(now));
        historyList.setOnMouseClicked(e -> {
            ConsoleHistory.Entry entry = historyList.getSelectionModel().getSelectedItem();
            if (entry != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.modeProperty().set(entry.mode());
                editor.replaceText(entry.text());
            }
        });
        historyList.setTooltip(new Tooltip("Double-click puts the statement back in the editor."));

        statusLabel.textProperty().bind(model.statusProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        model.errorOffsetProperty().addListener((o, was, now) -> markError(now.intValue()));
        generatedSql.textProperty().bind(model.generatedSqlProperty());
        model.results().addListener((ListChangeListener<ResultView>) change ->
                resultTabs.getTabs().setAll(model.results().stream().map(ResultTabs::of).toList()));
        copyButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(resultTabs.getTabs()));
        csvButton.disableProperty().bind(copyButton.disableProperty());
        model.setConfirmWrite(this::confirm);
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            e.consume();
            if (e.isShiftDown()) {
                runScript();
            } else {
                run();
            }
        }
    }

    private void choose(Preset preset) {
        model.choosePreset(preset);
        editor.replaceText(preset.text());
        editor.moveTo(0);
        editor.requestFocus();
    }

    private void sqlPanelShown(boolean shown) {
        if (shown && !resultSplit.getItems().contains(sqlPanel)) {
            resultSplit.getItems().add(sqlPanel);
            resultSplit.setDividerPositions(0.62);
        } else if (!shown) {
            resultSplit.getItems().remove(sqlPanel);
        }
    }

    private void highlight(int errorAt) {
        editor.setStyleSpans(0, SyntaxHighlighter.spans(editor.getText(), model.modeProperty().get(), errorAt));
    }

    private void markError(int offset) {
        highlight(offset);
        if (offset >= 0 && offset <= editor.getLength()) {
            editor.moveTo(offset);
            editor.requestFollowCaret();
        }
    }

    @FXML
    void run() {
        model.runAt(editor.getText(), editor.getCaretPosition(), editor.getSelection().getStart(), editor.getSelection().getEnd());
    }

    @FXML
    void runScript() {
        model.runScript(editor.getText());
    }

    @FXML
    void explain() {
        model.explain(editor.getText(), editor.getCaretPosition(), editor.getSelection().getStart(),
                editor.getSelection().getEnd(), false);
    }

    @FXML
    void explainAnalyze() {
        model.explain(editor.getText(), editor.getCaretPosition(), editor.getSelection().getStart(),
                editor.getSelection().getEnd(), true);
    }

    @FXML
    void cancel() {
        model.cancel();
    }

    @FXML
    void fetchMore() {
        model.fetchMore();
    }

    private ResultView selectedResult() {
        Tab tab = resultTabs.getSelectionModel().getSelectedItem();
        return tab == null ? null : (ResultView) tab.getUserData();
    }

    @FXML
    void copy() {
        ResultView result = selectedResult();
        if (result != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(result.kind() == ResultView.Kind.ROWS ? ConsoleViewModel.tabSeparated(result) : result.text());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    void exportCsv() {
        ResultView result = selectedResult();
        if (result == null || result.kind() != ResultView.Kind.ROWS) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the result as CSV");
        chooser.setInitialFileName("result.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File file = chooser.showSaveDialog(resultTabs.getScene().getWindow());
        if (file != null) {
            try {
                Files.writeString(file.toPath(), ConsoleViewModel.csv(result), StandardCharsets.UTF_8);
            } catch (IOException e) {
                new Alert(Alert.AlertType.ERROR, "Could not write " + file + ": " + e.getMessage()).showAndWait();
            }
        }
    }

    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
        alert.setHeaderText("Write on an external server?");
        if (resultTabs.getScene() != null) {
            alert.initOwner(resultTabs.getScene().getWindow());
        }
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }
}
