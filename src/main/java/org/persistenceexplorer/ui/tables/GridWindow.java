package org.persistenceexplorer.ui.tables;

import java.util.Arrays;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.ui.common.RestyleOnLookFlow;

/**
 * The grid's scrolling through a result of any length: the table holds a {@link WindowedRows}
 * window and scrolls inside it as usual (wheel, keys, selection); a scroll bar of the grid's own
 * spans the whole result (the table's own bar is hidden while the window can move). Dragging that
 * bar moves the window where it points; scrolling the table near the window's edge moves the
 * window so the same rows stay on screen, and the selection moves with them. Rows that arrive,
 * and a moved window, are drawn by refreshing the rows on screen (neither is a list change, see
 * {@link WindowedRows}).
 * <p>
 * The row height is fixed (VirtualFlow then never measures rows) and follows the rows' font, so
 * projector mode's large text keeps whole rows: {@value #ROW_EM} em of the font the rows get
 * from the stylesheet; the columns' widths grow and shrink with that font too. FX thread.
 */
final class GridWindow {

    /** Row height in em of the rows' font: Primer's dense rows are 2 em; 1.9 keeps 24 px at the everyday size. */
    static final double ROW_EM = 1.9;
    /** The rows' font size at the everyday text size: the grid's 0.95 em of the 13 px base. */
    static final double EVERYDAY_FONT_PX = 12.35;
    private static final String SIZED = "pe-grid-sized";

    private final TableView<GridRow> grid;
    private final ScrollBar bar;
    private final WindowedRows rows;
    private final GridFlow flow;
    /** The bar's value is being set from the table's position (not by the user). */
    private boolean syncing;
    /** The window is moving: selection changes meanwhile are not the user's. */
    private boolean quiet;
    private boolean recentrePending;
    /** The result row the grid's bar asked for since the last pulse, or -1: applied once per pulse. */
    private int pendingTop = -1;
    private final Runnable applyPendingTop = this::applyPendingTop;
    /** The window moved: rows on screen that the layout did not give a new index show their old item. */
    private boolean staleRowsPossible;
    /** Rows arrived since the last layout: the rows on screen still showing "…" are drawn after the next one. */
    private boolean arrivalsPending;
    private int visible = 1;
    /** The rows' font size now; columns are made for {@link #EVERYDAY_FONT_PX}. */
    private double rowFontSize = EVERYDAY_FONT_PX;

    GridWindow(TableView<GridRow> grid, ScrollBar bar, WindowedRows rows) {
        this.grid = grid;
        this.bar = bar;
        this.rows = rows;
        GridSkin skin = new GridSkin(grid);
        grid.setSkin(skin);
        flow = skin.flow();
        grid.setItems(rows);
        grid.setFixedCellSize(rowHeight(Font.font("Monospaced", EVERYDAY_FONT_PX)));
        grid.getColumns().addListener((ListChangeListener<javafx.scene.control.TableColumn<GridRow, ?>>) change -> {
            double factor = rowFontSize / EVERYDAY_FONT_PX;
            while (change.next()) {
                for (var column : change.getAddedSubList()) {
                    // once per column: a column moved by its header is removed and added again
                    if (column.getProperties().putIfAbsent(SIZED, Boolean.TRUE) == null && factor != 1) {
                        column.setPrefWidth(column.getPrefWidth() * factor);
                    }
                }
            }
        });
        grid.setRowFactory(table -> {
            TableRow<GridRow> row = new TableRow<>();
            row.fontProperty().addListener((obs, old, font) -> fontSeen(font));
            RestyleOnLookFlow.watchLook(row.getPseudoClassStates(), () -> row);
            return row;
        });
        bar.setOrientation(Orientation.VERTICAL);
        bar.setMin(0);
        bar.setUnitIncrement(1);
        // A drag sets the bar's value more often than the screen is drawn (each mouse event, and
        // a busy FX thread runs several at once): only the latest value of a pulse moves the grid,
        // just before that pulse's CSS and layout.
        bar.valueProperty().addListener((obs, old, value) -> {
            if (!syncing) {
                pendingTop = (int) Math.round(value.doubleValue());
                Platform.requestNextPulse();
            }
        });
        grid.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        grid.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(applyPendingTop);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(applyPendingTop);
            }
        });
        rows.addListener((ListChangeListener<GridRow>) change -> {
            if (!quiet) {
                resultChanged();
            }
        });
        rows.onRowsArrived(this::rowsArrived);
        resultChanged();
    }

    /** The fixed row height for rows drawn in this font. */
    static double rowHeight(Font font) {
        return Math.ceil(font.getSize() * ROW_EM);
    }

    /** True while the window moves: the selection the table reports then is not the user's choice. */
    boolean quiet() {
        return quiet;
    }

    /**
     * Home / End (and Ctrl+Home / Ctrl+End) go to the result's first / last row, not the window's:
     * the table's own keys only know the rows it holds. Without Ctrl the row is selected, with it
     * only focused, as the table's keys do. Shift+Home / Shift+End keep the table's own meaning
     * (a range inside the window).
     */
    private void keyPressed(KeyEvent e) {
        if ((e.getCode() != KeyCode.HOME && e.getCode() != KeyCode.END) || e.isShiftDown() || e.isAltDown()
                || rows.window().size() == 0) {
            return;
        }
        boolean select = !e.isShortcutDown();
        if (e.getCode() == KeyCode.HOME) {
            toResultRow(0, select);
        } else {
            toResultRow(rows.window().total() - 1, select);
        }
        e.consume();
    }

    /** Shows this row of the result (moving the window if need be) and selects or focuses it. */
    void toResultRow(int row, boolean select) {
        RowWindow window = rows.window();
        pendingTop = -1;
        int top = Math.max(0, Math.min(row, window.total() - visible));
        int start = window.startFor(top, visible);
        if (start != window.start()) {
            move(start);
        }
        int at = window.toWindow(row);
        if (select) {
            grid.getSelectionModel().clearAndSelect(at);
        }
        grid.getFocusModel().focus(at);
        grid.scrollTo(top - window.start());
    }

    private void applyPendingTop() {
        if (pendingTop >= 0) {
            int top = pendingTop;
            pendingTop = -1;
            scrollToRow(top);
        }
    }

    /** Scrolls so that this row of the result is the first on screen (what dragging the bar does). */
    void scrollToRow(int top) {
        RowWindow window = rows.window();
        if (window.size() == 0) {
            return;
        }
        int start = window.startFor(top, visible);
        if (start != window.start()) {
            move(start);
        }
        grid.scrollTo(Math.max(0, Math.min(window.size() - 1, top - window.start())));
    }

    private void fontSeen(Font font) {
        if (font == null || font.getSize() == rowFontSize) {
            return;
        }
        double factor = font.getSize() / rowFontSize;
        rowFontSize = font.getSize();
        grid.setFixedCellSize(rowHeight(font));
        // the columns' widths are set for the everyday text size: they grow and shrink with it
        grid.getColumns().forEach(c -> c.setPrefWidth(c.getPrefWidth() * factor));
    }

    /** A new result: the bar spans it, shown only when the window can move. */
    private void resultChanged() {
        boolean moves = rows.window().moves();
        bar.setVisible(moves);
        bar.setManaged(moves);
        flow.ownBarShown(!moves);
        pendingTop = -1;
        syncing = true;
        bar.setValue(0);
        syncing = false;
        showOnBar(rows.window().start());
    }

    private void showOnBar(int top) {
        syncing = true;
        try {
            double max = Math.max(0, rows.window().total() - visible);
            bar.setMax(max);
            // A thumb of at least a 25th of the track: a million rows' true share is too small to grab.
            bar.setVisibleAmount(Math.max(visible, max / 25));
            bar.setBlockIncrement(visible);
            double value = Math.min(top, max);
            if (Math.abs(bar.getValue() - value) >= 1) {
                bar.setValue(value);
            }
        } finally {
            syncing = false;
        }
    }

    /** After each layout of the table's rows: the bar follows, and the window moves if the rows shown near its edge. */
    private void laidOut() {
        if (flow == null) {
            return; // the skin's constructor lays the flow out before it is ours
        }
        TableRow<GridRow> first = flow.getFirstVisibleCell();
        TableRow<GridRow> last = flow.getLastVisibleCell();
        if (first == null || last == null || first.getIndex() < 0) {
            return;
        }
        if (staleRowsPossible) {
            staleRowsPossible = false;
            refreshStaleRows(first.getIndex(), last.getIndex());
        }
        if (arrivalsPending) {
            arrivalsPending = false;
            refreshShownRows(first.getIndex(), last.getIndex());
        }
        visible = Math.max(1, last.getIndex() - first.getIndex());
        RowWindow window = rows.window();
        int top = window.toResult(first.getIndex());
        showOnBar(top);
        if (!recentrePending && window.startFor(top, visible) != window.start()) {
            // not inside the layout pass: moving the window changes the items the pass just laid out
            recentrePending = true;
            Platform.runLater(this::recentre);
        }
    }

    private void recentre() {
        recentrePending = false;
        TableRow<GridRow> first = flow.getFirstVisibleCell();
        if (first == null || first.getIndex() < 0) {
            return;
        }
        RowWindow window = rows.window();
        int top = window.toResult(first.getIndex());
        int start = window.startFor(top, visible);
        if (start != window.start()) {
            move(start);
            grid.scrollTo(top - window.start());
        }
    }

    /**
     * Moves the window (no list change, see {@link WindowedRows#moveTo}): the rows on screen are
     * drawn again, and the selected and focused rows of the result stay selected and focused where
     * still inside the window (the table's selection and focus are by index, so they are set again).
     */
    private void move(int start) {
        RowWindow window = rows.window();
        TableView.TableViewSelectionModel<GridRow> selection = grid.getSelectionModel();
        int[] selected = selection.getSelectedIndices().stream().mapToInt(window::toResult).toArray();
        int focused = grid.getFocusModel().getFocusedIndex();
        int focusedRow = focused < 0 ? -1 : window.toResult(focused);
        quiet = true;
        try {
            if (!rows.moveTo(start)) {
                return;
            }
            // Not drawn again here: both callers scroll the table next, and its layout gives the rows
            // on screen their new indices (and items) anyway; drawing them now too cost a second
            // update of every row. A row the layout leaves at its index is refreshed after it.
            staleRowsPossible = true;
            flow.requestLayout();
            selection.clearSelection();
            int[] still = Arrays.stream(selected).map(window::toWindow).filter(i -> i >= 0).toArray();
            if (still.length > 0) {
                selection.selectIndices(still[0], Arrays.copyOfRange(still, 1, still.length));
            }
            grid.getFocusModel().focus(-1); // the focused item is read again from the moved window
            int focusAt = focusedRow < 0 ? -1 : window.toWindow(focusedRow);
            if (focusAt >= 0) {
                grid.getFocusModel().focus(focusAt);
            }
        } finally {
            quiet = false;
        }
    }

    /**
     * Rows arrived: the rows on screen that showed "…" draw their values after the next layout, and a
     * row picked meanwhile is picked again now. Not drawn at once: while the bar is dragged the next
     * pulse moves the window again, and its layout gives the rows on screen other rows; rows drawn
     * at the arrival were overwritten before they were ever shown, and every row on screen was
     * updated twice a step (an eighth of the FX thread's time in the million-row scroll).
     */
    private void rowsArrived() {
        if (!arrivalsPending) {
            arrivalsPending = true;
            flow.requestLayout();
        }
        TableView.TableViewSelectionModel<GridRow> selection = grid.getSelectionModel();
        int selected = selection.getSelectedIndex();
        if (selection.getSelectedIndices().size() == 1 && selection.getSelectedItem() == null && selected >= 0
                && rows.loaded(selected) != null) {
            selection.clearAndSelect(selected); // a row picked while it showed "…": now the panel can have it
        }
    }

    /** The rows on screen ({@code from}..{@code to}) that show "…" and whose row has arrived draw it (nothing else changed). */
    private void refreshShownRows(int from, int to) {
        for (int i = Math.max(0, from); i <= to; i++) {
            TableRow<GridRow> row = flow.getVisibleCell(i);
            if (row != null && row.getItem() == null && rows.loaded(i) != null) {
                RestyleOnLookFlow.reindex(row, i);
            }
        }
    }

    /**
     * After the layout that followed a move: a row on screen whose item is not the window's at its
     * index (the layout kept it at the index it had before the move) updates, restyled when its
     * look changed, as the flow's rows are; the others cost a comparison.
     */
    private void refreshStaleRows(int from, int to) {
        for (int i = Math.max(0, from); i <= to; i++) {
            TableRow<GridRow> row = flow.getVisibleCell(i);
            if (row != null && row.getItem() != rows.loaded(i)) {
                RestyleOnLookFlow.reindex(row, i);
            }
        }
    }

    /** The table's skin with a flow that reports its layouts. */
    private final class GridSkin extends TableViewSkin<GridRow> {
        GridSkin(TableView<GridRow> table) {
            super(table);
        }

        @Override
        protected VirtualFlow<TableRow<GridRow>> createVirtualFlow() {
            return new GridFlow();
        }

        GridFlow flow() {
            return (GridFlow) getVirtualFlow();
        }
    }

    /**
     * The table's VirtualFlow: restyles a row only when its look changed ({@link RestyleOnLookFlow}:
     * on a jump every row on screen gets new text), tells the window after each layout, and its own
     * vertical bar can be hidden.
     */
    private final class GridFlow extends RestyleOnLookFlow<GridRow> {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            laidOut();
        }

        void ownBarShown(boolean shown) {
            ScrollBar own = getVbar();
            own.setPrefWidth(shown ? Region.USE_COMPUTED_SIZE : 0);
            own.setMinWidth(shown ? Region.USE_COMPUTED_SIZE : 0);
            own.setOpacity(shown ? 1 : 0);
            own.setMouseTransparent(!shown);
            requestLayout();
        }
    }
}
