package org.persistenceexplorer.ui.common;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;

/**
 * A table's rows at one fixed height that follows the rows' font. With a fixed cell size the
 * VirtualFlow never measures a row (each row otherwise asks every cell for its preferred
 * height, text layout included, on every layout pass) and positions rows exactly; following the
 * font keeps whole rows when projector mode makes the text larger. FX thread.
 */
public final class RowHeight {

    /** Row height in em of the rows' font: Primer's dense rows are 2 em; 1.9 keeps 24 px at the everyday size. */
    public static final double ROW_EM = 1.9;

    private RowHeight() {
    }

    /** The height of a row in this font. */
    public static double of(Font font) {
        return Math.ceil(font.getSize() * ROW_EM);
    }

    /** Keeps {@code table}'s fixed cell size at {@link #ROW_EM} of {@code row}'s font, now and as it changes. */
    public static <T> void follow(TableView<T> table, TableRow<T> row) {
        row.fontProperty().addListener((obs, old, font) -> fit(table, font));
        fit(table, row.getFont());
    }

    private static void fit(TableView<?> table, Font font) {
        if (font != null && table.getFixedCellSize() != of(font)) {
            table.setFixedCellSize(of(font));
        }
    }
}
