package org.persistenceexplorer.ui.lessons;

import java.util.List;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.persistenceexplorer.service.lessons.LessonFiles;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.log.LogHighlight;

/**
 * The lessons as the main window shows them: the side panel beside the tabs and the log
 * (F1 or the Lessons button opens and closes it; it stays open whatever tab is shown), wired to
 * the features' commands and to the log's highlight. Open at first launch with "Start here".
 * FX thread.
 */
public final class Lessons {

    /** Opens and closes the panel. */
    public static final KeyCombination KEY = new KeyCodeCombination(KeyCode.F1);

    private final LessonsViewModel model;
    private final LessonsPanel panel;
    private final ToggleButton button = new ToggleButton("Lessons (F1)");

    /**
     * @param features   the main window's features (their commands)
     * @param select     shows a feature's tab (building it the first time)
     * @param log        the statement log (the panel reads what each step caused)
     * @param progress   where done lessons are remembered
     * @param highlight  the log view's highlight, set from the step's
     */
    public Lessons(List<Feature> features, Consumer<Feature> select, StatementLog log, Preferences progress,
                   ObjectProperty<LogHighlight> highlight) {
        CommandRegistry commands = new CommandRegistry(features, select);
        this.model = new LessonsViewModel(new LessonFiles("lessons", commands).course(), commands, log, progress);
        this.panel = new LessonsPanel(model, () -> button.setSelected(false));
        highlight.bind(model.highlightProperty());
        button.setId("lessonsButton");
        button.setGraphic(new FontIcon("mdmz-school"));
        button.getStyleClass().add("pe-lessons-button");
        button.setSelected(model.startHereProperty().get());
        panel.node().visibleProperty().bind(button.selectedProperty());
        panel.node().managedProperty().bind(button.selectedProperty());
        // While the panel is open its own × closes it; the button would cover its header.
        button.visibleProperty().bind(button.selectedProperty().not());
        button.managedProperty().bind(button.visibleProperty()); // and the Connect button beside it keeps no gap
    }

    /**
     * The window's content with the panel at its right; the panel narrows, down to its min width,
     * before the content gets less than it wants.
     *
     * @param contentWants the width the content needs to show whole (asked at each layout)
     */
    public Node beside(Node content, java.util.function.DoubleSupplier contentWants) {
        return new ContentWithPanel(content, (javafx.scene.layout.Region) panel.node(), contentWants);
    }

    /** How much of the window's width the panel takes at its right: its width while open, else 0. */
    public javafx.beans.binding.DoubleBinding widthTaken() {
        javafx.scene.layout.Region region = (javafx.scene.layout.Region) panel.node();
        return javafx.beans.binding.Bindings.createDoubleBinding(() -> button.isSelected() ? region.getWidth() : 0,
                button.selectedProperty(), region.widthProperty());
    }

    /** The Lessons button (for the top right, over the tab headers' empty end). */
    public ToggleButton button() {
        return button;
    }

    /** F1: opens or closes the panel. */
    public void toggle() {
        button.setSelected(!button.isSelected());
    }

    /** On the window's ticker. */
    public void refresh() {
        model.refresh();
    }

    public LessonsViewModel model() {
        return model;
    }
}
