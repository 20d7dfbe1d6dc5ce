package org.persistenceexplorer.ui.log;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps the log table at its newest row while the reader is there, and leaves it where it is
 * once they scroll up (the view-model's {@code following}). Only the reader's own scrolling,
 * clicking and keys decide "scrolled up"; rows arriving never do. FX thread.
 *
 * <p>The scroll waits for the next pulse: when the items change, the table's skin has not yet
 * counted the new rows, and scrolling at once stops short of them. Following keeps the flow at
 * position 1 (its end), so a full log whose rows are replaced needs no scroll, and no second
 * layout, at all.
 */
final class NewestFollower {

    private final TableView<LogRow> table;
    private final TableColumn<LogRow, ?> arrivalColumn;
    private final StatementLogViewModel model;
    private boolean scrollPending;

    NewestFollower(TableView<LogRow> table, TableColumn<LogRow, ?> arrivalColumn, StatementLogViewModel model) {
        this.table = table;
        this.arrivalColumn = arrivalColumn;
        this.model = model;
        table.getItems().addListener((ListChangeListener<LogRow>) change -> itemsChanged());
        // A shorter table (the window's first layouts, a dragged divider) keeps its top row: follow again.
        table.heightProperty().addListener((obs, old, height) -> {
            if (model.followingProperty().get()) {
                scrollToNewest();
            }
        });
        table.addEventFilter(ScrollEvent.SCROLL, e -> readerMoved());
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> readerMoved());
        table.addEventFilter(KeyEvent.KEY_RELEASED, e -> readerMoved());
        model.followingProperty().addListener((obs, was, now) -> {
            if (now) {
                scrollToNewest();
            }
        });
    }

    /** True when the table shows its rows in arrival order, newest at the bottom. */
    boolean inArrivalOrder() {
        return table.getSortOrder().isEmpty()
                || table.getSortOrder().size() == 1 && table.getSortOrder().get(0) == arrivalColumn
                && arrivalColumn.getSortType() == TableColumn.SortType.ASCENDING;
    }

    /** Back to arrival order and the newest row (the "jump to newest" button). */
    void jump() {
        if (!inArrivalOrder()) {
            table.getSortOrder().clear();
        }
        model.jumpToNewest();
        scrollToNewest();
    }

    private void itemsChanged() {
        if (model.followingProperty().get()) {
            scrollToNewest();
        } else if (table.getSelectionModel().getSelectedItem() != null) {
            LogRow selected = table.getSelectionModel().getSelectedItem();
            Platform.runLater(() -> {
                int at = table.getItems().indexOf(selected);
                if (at >= 0 && !isVisible(at)) {
                    table.scrollTo(at);
                }
            });
        }
    }

    private void scrollToNewest() {
        if (scrollPending || !inArrivalOrder()) {
            return;
        }
        scrollPending = true;
        Platform.runLater(() -> {
            scrollPending = false;
            if (!following() || !inArrivalOrder() || table.getItems().isEmpty()) {
                return;
            }
            if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
                table.layout();
                table.scrollTo(table.getItems().size() - 1);
                return;
            }
            if (flow.getCellCount() != table.getItems().size()) {
                table.layout(); // the skin counts the new rows first: the flow keeps its top row through a count change
            }
            // The end, exactly: a scroll to the last index can stop a fraction of a row short of it (the
            // newest row then below the viewport). Rows replaced under a full log keep position 1, and
            // then nothing is done here at all: the next layout shows the newest rows where the old ones were.
            if (flow.getPosition() != 1) {
                flow.setPosition(1);
            }
        });
    }

    private boolean following() {
        return model.followingProperty().get();
    }

    private void readerMoved() {
        // After the table has handled the event, look where the reader is now.
        Platform.runLater(() -> {
            if (inArrivalOrder()) {
                // A key like Home moves the view only at the next layout; look after it, not before.
                table.layout();
                model.followingProperty().set(atBottom());
            }
        });
    }

    private boolean atBottom() {
        int size = table.getItems().size();
        return size == 0 || isVisible(size - 1);
    }

    private boolean isVisible(int index) {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return first == null || last == null || index >= first.getIndex() && index <= last.getIndex();
    }
}
