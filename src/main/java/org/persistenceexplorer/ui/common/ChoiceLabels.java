package org.persistenceexplorer.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a combo box shows its choices: each by a label made from it (a scenario's label, a
 * script's id and name), nothing for no choice. The choices are picked, never typed, so nothing
 * is read back. FX thread.
 */
public final class ChoiceLabels {

    private ChoiceLabels() {
    }

    public static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /**
     * The combo box is never wider than the row that holds it: a long choice at large text (a
     * script's name at 2.5x) is cut with an ellipsis instead of pushing the box past the tab's
     * right edge, where it could not be reached.
     */
    public static void noWiderThanItsRow(javafx.scene.control.ComboBox<?> box) {
        if (box.getParent() instanceof javafx.scene.layout.Region row) {
            box.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(0, row.getWidth() - row.snappedLeftInset() - row.snappedRightInset()),
                    row.widthProperty()));
        }
    }
}
