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
}
