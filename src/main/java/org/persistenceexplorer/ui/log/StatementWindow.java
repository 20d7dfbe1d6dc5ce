package org.persistenceexplorer.ui.log;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * One statement in a window of its own (the detail pane's "Open in window"): the whole text
 * and everything about it, with Copy as runnable SQL / Cypher. Escape closes it. FX thread.
 */
final class StatementWindow {

    private StatementWindow() {
    }

    static void show(StatementDetail detail, Scene owner) {
        TextArea text = new TextArea(detail.fullText());
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("pe-log-detail-text");
        text.setId("statementWindowText");
        Button copy = new Button(detail.copyLabel());
        copy.setOnAction(e -> StatementLogView.toClipboard(detail.runnable()));
        HBox buttons = new HBox(8, copy);
        buttons.getStyleClass().addAll("pe-log-toolbar", "pe-window-bar");
        BorderPane root = new BorderPane(text, buttons, null, null, null);
        root.getStyleClass().add("pe-log-detail");
        Scene scene = new Scene(root, 900, 600);
        if (owner != null) {
            scene.getStylesheets().setAll(owner.getStylesheets());
            if (owner.getRoot() != null) {
                root.setStyle(owner.getRoot().getStyle());
            }
        }
        Stage stage = new Stage();
        stage.setTitle("Statement " + detail.heading());
        stage.setScene(scene);
        if (owner != null && owner.getWindow() != null) {
            stage.initOwner(owner.getWindow());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.show();
    }
}
