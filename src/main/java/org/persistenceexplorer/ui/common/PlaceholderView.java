package org.persistenceexplorer.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/**
 * A tab that says honestly what it will do before its feature lands (fxml/PlaceholderView.fxml):
 * a title, a paragraph, and an optional live line (e.g. whether its engine is up yet). FX thread.
 */
public final class PlaceholderView {

    private final String title;
    private final String text;
    private final ObservableStringValue detail;

    @FXML private Label titleLabel;
    @FXML private Label textLabel;
    @FXML private Label detailLabel;

    /** @param detail a live line under the paragraph, or null for none */
    public PlaceholderView(String title, String text, ObservableStringValue detail) {
        this.title = title;
        this.text = text;
        this.detail = detail;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(title);
        textLabel.setText(text);
        if (detail != null) {
            detailLabel.textProperty().bind(detail);
        }
        detailLabel.visibleProperty().bind(detailLabel.textProperty().isNotEmpty());
        detailLabel.managedProperty().bind(detailLabel.visibleProperty());
    }
}
