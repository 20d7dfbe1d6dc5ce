package org.persistenceexplorer.ui.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.input.MouseButton;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.TableConstraint;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.ui.common.PlainTextCellSkin;
import org.persistenceexplorer.ui.common.RestyleOnLookFlow;

/**
 * The grid's columns for one table: a cell per value (NULL shown as such, a row still loading
 * as "…", a cut value marked), foreign-key values as links, column headers with type and
 * constraints as tooltip. FX thread.
 */
final class GridColumns {

    static final String FK_CELL = "pe-fk-cell";
    static final PseudoClass LINKED = PseudoClass.getPseudoClass("linked");
    /** A cell showing SQL NULL. Pseudo-classes, not style classes: changing a style class re-matches the node's CSS. */
    static final PseudoClass NULL_VALUE = PseudoClass.getPseudoClass("null-value");

    private GridColumns() {
    }

    /**
     * @param follow called with the foreign key and the value when a link is clicked
     */
    static List<TableColumn<GridRow, GridRow>> of(TableDescription table, BiConsumer<TableConstraint, String> follow) {
        List<TableColumn<GridRow, GridRow>> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            org.persistenceexplorer.service.tables.TableColumn column = table.columns().get(i);
            int index = i;
            TableColumn<GridRow, GridRow> c = new TableColumn<>();
            Label header = new Label(column.name());
            TableConstraint fk = table.foreignKeyOf(column.name()).orElse(null);
            header.setTooltip(new Tooltip(StructureText.column(table, column) + (fk == null ? ""
                    : "\nClick a value to open " + fk.references() + " at that " + fk.referencedColumns().get(0))));
            c.setGraphic(header);
            c.setId("col-" + column.name());
            c.setUserData(column.name());
            c.setPrefWidth(column.textual() ? 170 : Math.max(90, 16 + 8 * column.name().length()));
            c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
            c.setCellFactory(col -> new ValueCell(index, fk, follow));
            columns.add(c);
        }
        return columns;
    }

    /** One value; NULL and "still loading" look different from text. */
    static final class ValueCell extends TableCell<GridRow, GridRow> {
        private final int index;
        private final TableConstraint foreignKey;
        private final BiConsumer<TableConstraint, String> follow;

        ValueCell(int index, TableConstraint foreignKey, BiConsumer<TableConstraint, String> follow) {
            this.index = index;
            this.foreignKey = foreignKey;
            this.follow = follow;
            RestyleOnLookFlow.watchLook(getPseudoClassStates(), this::getTableRow);
            if (foreignKey != null) {
                getStyleClass().add(FK_CELL);
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && linkedValue != null) {
                        follow.accept(foreignKey, linkedValue);
                    }
                });
            }
        }

        private String linkedValue;

        /** One Text node per cell instead of the Labeled skin's: see {@link PlainTextCellSkin}. */
        @Override
        protected javafx.scene.control.Skin<?> createDefaultSkin() {
            return new PlainTextCellSkin<>(this);
        }

        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            String value = empty || row == null ? null : row.values().get(index);
            linkedValue = foreignKey == null ? null : value;
            // A row still loading ("…") keeps the cell's look as it was: on a fast scroll most rows
            // show "…" first, and a pseudo-class change there and back again restyled every cell
            // twice (CssStyleHelper.transitionToState was the FX thread's biggest cost). Each state
            // is set, never toggled off and on: a change that changes nothing costs nothing.
            if (empty || row != null) {
                pseudoClassStateChanged(NULL_VALUE, !empty && value == null);
                pseudoClassStateChanged(LINKED, linkedValue != null);
            }
            // A link is drawn by the cell itself, without a tooltip (the column header's says where it
            // leads): a Hyperlink or a tooltip per virtualised cell stalled the 1M-row scroll (STACK-NOTES).
            setText(empty ? null : row == null ? "…" : value == null ? "NULL" : shown(value, row.cut(index)));
        }

        private static String shown(String value, boolean cut) {
            if (cut) {
                return value.substring(0, 200) + "… (cut; double-click for the whole value)";
            }
            return value.length() > 200 ? value.substring(0, 200) + "…" : value;
        }
    }
}
