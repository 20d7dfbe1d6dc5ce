package org.persistenceexplorer.ui.tables;

import java.util.function.DoubleSupplier;
import javafx.geometry.Pos;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Where the Tables tab's side panel (entity mode, the entity model) is. Docked: the split's right
 * pane, beside the grid, as long as the tab has room for the schema browser, a grid of
 * {@value #GRID_ROOM_EM} em and the panel. With less (large text on a 1280 px projector, the Lessons
 * panel open beside the tab) it leaves the split, so the grid keeps the room and the tab is never
 * wider than the window, and lies over the grid's right side as a drawer while its toggle is on
 * (off when the tab narrows; the toolbar always shows the toggle). Docked, the toggle hides and
 * shows the pane. FX thread.
 */
final class SidePanel {

    /** The grid's room beside a docked panel, in em of the tab's text. */
    static final double GRID_ROOM_EM = 24;
    /** A drawer's share of the grid's place (the rest of the grid stays in sight and clickable). */
    static final double DRAWER_SHARE = 0.7;
    static final String DRAWER = "pe-tables-drawer";

    private final SplitPane split;
    private final Region browser;
    private final Region centre;
    private final Region panel;
    private final StackPane gridArea;
    private final ToggleButton toggle;
    private final DoubleSupplier em;
    private boolean narrow;
    private boolean shownWhenDocked = true;
    private double[] dockedDividers;

    /**
     * @param em the tab's text size in pixels (one em), asked whenever the tab's width changes
     */
    SidePanel(SplitPane split, Region browser, Region centre, Region panel, StackPane gridArea, ToggleButton toggle,
              DoubleSupplier em) {
        this.split = split;
        this.browser = browser;
        this.centre = centre;
        this.panel = panel;
        this.gridArea = gridArea;
        this.toggle = toggle;
        this.em = em;
        StackPane.setAlignment(panel, Pos.CENTER_RIGHT);
        toggle.setSelected(true);
        toggle.selectedProperty().addListener((o, was, now) -> {
            if (!narrow) {
                shownWhenDocked = now;
            }
            place();
        });
        split.widthProperty().addListener(o -> fit());
        gridArea.widthProperty().addListener(o -> sizeDrawer());
    }

    /** The text size changed: the room the panes need changed with it. */
    void fit() {
        double width = split.getWidth();
        if (width <= 0) {
            return;
        }
        boolean tooNarrow = width < dockedWidth();
        if (tooNarrow == narrow) {
            return;
        }
        narrow = tooNarrow;
        if (narrow) {
            shownWhenDocked = toggle.isSelected();
            toggle.setSelected(false);
        } else {
            toggle.setSelected(shownWhenDocked);
        }
        place();
    }

    /** The width the split needs for the browser, a grid with room and the panel beside it. */
    double dockedWidth() {
        double dividers = 2 * 6;
        return browser.minWidth(-1) + Math.max(centre.minWidth(-1), GRID_ROOM_EM * em.getAsDouble())
                + panel.minWidth(-1) + dividers;
    }

    /** True while the panel is a drawer over the grid (the tab too narrow to dock it). */
    boolean narrow() {
        return narrow;
    }

    /** Opens the panel: the docked pane or the drawer (a lesson's step shows what it did there). */
    void show() {
        toggle.setSelected(true);
    }

    private void place() {
        boolean docked = split.getItems().contains(panel);
        boolean wantDocked = !narrow && toggle.isSelected();
        if (docked && !wantDocked) {
            dockedDividers = split.getDividerPositions();
            split.getItems().remove(panel);
        }
        boolean wantDrawer = narrow && toggle.isSelected();
        if (wantDrawer && !gridArea.getChildren().contains(panel)) {
            panel.getStyleClass().add(DRAWER);
            gridArea.getChildren().add(panel);
            sizeDrawer();
        } else if (!wantDrawer && gridArea.getChildren().contains(panel)) {
            gridArea.getChildren().remove(panel);
            panel.getStyleClass().remove(DRAWER);
            panel.setMaxWidth(Region.USE_COMPUTED_SIZE);
        }
        if (!docked && wantDocked) {
            split.getItems().add(panel);
            if (dockedDividers != null && dockedDividers.length == 2) {
                split.setDividerPositions(dockedDividers);
            }
        }
    }

    private void sizeDrawer() {
        if (gridArea.getChildren().contains(panel)) {
            double room = gridArea.getWidth();
            panel.setMaxWidth(Math.min(room, Math.max(panel.minWidth(-1), room * DRAWER_SHARE)));
        }
    }
}
