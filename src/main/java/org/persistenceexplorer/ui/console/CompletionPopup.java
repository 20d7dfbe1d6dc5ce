package org.persistenceexplorer.ui.console;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.persistenceexplorer.domain.console.Completion;

/**
 * The editor's completion list: a popup under the caret showing {@link ConsoleViewModel#suggestions()}.
 * Up / Down choose, Enter or Tab (or a double click) insert, Escape closes; typing goes on in the
 * editor and the list follows the word. Opened by Ctrl+Space and by a typed dot (SQL). FX thread.
 */
final class CompletionPopup {

    private final CodeArea editor;
    private final ConsoleViewModel model;
    private final Popup popup = new Popup();
    private final ListView<Completion.Suggestion> list = new ListView<>();

    CompletionPopup(CodeArea editor, ConsoleViewModel model) {
        this.editor = editor;
        this.model = model;
        list.setId("consoleCompletion");
        list.setItems(model.suggestions());
        list.setPrefSize(440, 12 * 24 + 4);
        list.setFixedCellSize(24); // one line each; also spares the list measuring every cell
        list.setCellFactory(l -> new SuggestionCell());
        list.getStylesheets().add(CompletionPopup.class.getResource("/css/console.css").toExternalForm());
        list.getStyleClass().add("pe-completion");
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.setOnAutoHide(e -> model.closeCompletion());
        // While the popup shows, the window hands it the keys (JavaFX redirects them to a popup);
        // the editor's filter below covers a toolkit that does not.
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
        list.addEventFilter(KeyEvent.KEY_TYPED, this::typed);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                accept();
            }
        });
        model.offerProperty().addListener((o, was, now) -> {
            if (now == null || now.suggestions().isEmpty()) {
                popup.hide();
            } else {
                list.getSelectionModel().selectFirst();
                list.scrollTo(0);
                show();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
                e.consume();
                request();
            } else if (popup.isShowing()) {
                pressed(e);
            }
        });
        editor.plainTextChanges().subscribe(change -> {
            int caret = change.getInsertionEnd();
            if (popup.isShowing()) {
                model.complete(editor.getText(), Math.min(caret, editor.getLength()));
            } else if (change.getInserted().equals(".") && model.modeProperty().get() == org.persistenceexplorer.domain.console.ConsoleMode.SQL) {
                model.complete(editor.getText(), caret);
            }
        });
    }

    /** Asks for suggestions at the caret (Ctrl+Space). */
    void request() {
        model.complete(editor.getText(), editor.getCaretPosition());
    }

    boolean showing() {
        return popup.isShowing();
    }

    private void show() {
        if (popup.isShowing() || editor.getScene() == null) {
            return;
        }
        Bounds caret = editor.getCaretBounds().orElse(null);
        if (caret == null) {
            Bounds area = editor.localToScreen(editor.getBoundsInLocal());
            if (area == null) {
                return;
            }
            popup.show(editor, area.getMinX() + 40, area.getMinY() + 40);
        } else {
            popup.show(editor, caret.getMinX(), caret.getMaxY() + 2);
        }
    }

    private void pressed(KeyEvent e) {
        switch (e.getCode()) {
            case ENTER, TAB -> {
                if (e.getCode() == KeyCode.ENTER && (e.isShortcutDown() || e.isControlDown() || e.isShiftDown())) {
                    // Ctrl+Enter / Ctrl+Shift+Enter run: the list closes and the editor's own keys run the statement
                    model.closeCompletion();
                    return;
                }
                e.consume();
                accept();
            }
            case ESCAPE -> {
                e.consume();
                model.closeCompletion();
            }
            case UP, DOWN -> {
                if (e.getSource() != list) { // keys that reached the editor: move the list here
                    e.consume();
                    int i = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.UP ? -1 : 1);
                    list.getSelectionModel().select(Math.max(0, Math.min(i, list.getItems().size() - 1)));
                    list.scrollTo(list.getSelectionModel().getSelectedIndex());
                }
            }
            case BACK_SPACE -> {
                if (e.getSource() == list) {
                    e.consume();
                    editor.deletePreviousChar();
                }
            }
            case LEFT, RIGHT, HOME, END -> model.closeCompletion();
            default -> {
            }
        }
    }

    /** A character typed while the list has the keys goes on into the editor. */
    private void typed(KeyEvent e) {
        String c = e.getCharacter();
        if (!c.isEmpty() && !e.isControlDown() && !e.isAltDown() && c.charAt(0) >= ' ' && c.charAt(0) != 127) {
            e.consume();
            editor.replaceSelection(c);
        }
    }

    private void accept() {
        Completion.Suggestion chosen = list.getSelectionModel().getSelectedItem();
        if (chosen == null) {
            model.closeCompletion();
            return;
        }
        ConsoleViewModel.Edit edit = model.accept(editor.getText(), chosen);
        if (edit != null) {
            editor.replaceText(edit.start(), edit.end(), edit.text());
            editor.moveTo(edit.start() + edit.text().length());
        }
        popup.hide();
    }

    /** The name, and what it is in a quieter style. */
    private static final class SuggestionCell extends ListCell<Completion.Suggestion> {
        private final Label name = new Label();
        private final Label what = new Label();
        private final HBox box;

        SuggestionCell() {
            what.getStyleClass().add("pe-completion-kind");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(8, name, gap, what);
        }

        @Override
        protected void updateItem(Completion.Suggestion s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
            } else {
                name.setText(s.text());
                what.setText(s.detail().isEmpty() ? s.kind() : s.kind() + " · " + s.detail());
                setGraphic(box);
            }
        }
    }
}
