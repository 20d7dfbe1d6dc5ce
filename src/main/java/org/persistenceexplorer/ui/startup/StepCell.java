package org.persistenceexplorer.ui.startup;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A step on the startup screen: state mark, title, summary and elapsed time, updated live
 * through the row's properties. A cell is reused for other rows as the list scrolls, so it
 * listens to one row at a time and lets go of the previous one. FX thread.
 */
final class StepCell extends ListCell<StepRow> {

    private static final String STATE_STYLE_PREFIX = "pe-step-";

    private final Label mark = new Label();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label elapsed = new Label();
    private final BorderPane layout = new BorderPane();
    private final ChangeListener<StepRow.State> restyle = (obs, old, state) -> styleFor(state);
    private StepRow shown;

    StepCell() {
        mark.getStyleClass().add("pe-step-mark");
        title.getStyleClass().add("pe-step-title");
        summary.getStyleClass().add("pe-muted");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        elapsed.getStyleClass().add("pe-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(10, mark, title, spacer, elapsed);
        layout.setTop(line);
        layout.setCenter(summary);
        BorderPane.setMargin(summary, new Insets(0, 0, 0, 30));
        BorderPane.setAlignment(summary, Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(StepRow row, boolean empty) {
        super.updateItem(row, empty);
        if (shown != null) {
            shown.stateProperty().removeListener(restyle);
            shown = null;
        }
        mark.textProperty().unbind();
        elapsed.textProperty().unbind();
        summary.textProperty().unbind();
        if (empty || row == null) {
            getStyleClass().removeIf(s -> s.startsWith(STATE_STYLE_PREFIX));
            setGraphic(null);
            return;
        }
        shown = row;
        title.setText(row.title() + (row.needed() ? "" : "  (continues in the background)"));
        mark.textProperty().bind(Bindings.createStringBinding(
                () -> symbol(row.stateProperty().get()), row.stateProperty()));
        row.stateProperty().addListener(restyle);
        styleFor(row.stateProperty().get());
        elapsed.textProperty().bind(row.elapsedProperty());
        summary.textProperty().bind(row.summaryProperty());
        if (getListView() != null) {
            // Wrap long summaries (error messages) to the list's width instead of scrolling sideways.
            layout.prefWidthProperty().bind(getListView().widthProperty().subtract(36));
            layout.setMaxWidth(Region.USE_PREF_SIZE);
        }
        setGraphic(layout);
    }

    private void styleFor(StepRow.State state) {
        getStyleClass().removeIf(s -> s.startsWith(STATE_STYLE_PREFIX));
        getStyleClass().add(STATE_STYLE_PREFIX + state.name().toLowerCase(Locale.ROOT));
    }

    private static String symbol(StepRow.State state) {
        switch (state) {
            case RUNNING: return "▶";
            case DONE: return "✔";
            case FAILED: return "✖";
            case SKIPPED: return "–";
            default: return "•";
        }
    }
}
