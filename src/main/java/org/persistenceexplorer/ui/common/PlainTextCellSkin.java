package org.persistenceexplorer.ui.common;

import javafx.geometry.HPos;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.skin.TableCellSkin;
import javafx.scene.text.Text;

/**
 * A table cell's skin that draws the cell's text with one {@link Text} node of its own, for cells
 * that show one line of text and no graphic (the Tables grid). The stock skin (LabeledSkinBase)
 * does, for every text change, what a cell reused thousands of times a second cannot afford: it
 * re-sets its children ({@code getChildren().setAll(text)}), parses the text for a mnemonic, and
 * lays the text out three times (its full width for the minimum width, the clipped text, the Text
 * node's own bounds). In JFR of the million-row scroll those were a quarter of the FX thread's time.
 * Here a text change costs one layout of the Text node, and a second only when the text is wider
 * than the cell and is cut with "…" where it leaves the cell (as the stock skin's default overrun).
 * <p>
 * What the cell's CSS sets still applies: the font, the text fill, underline and the alignment's
 * horizontal part come from the cell (Labeled's properties); the padding from its insets. The cell's
 * {@code getText()} stays the whole value (tests, copy and accessibility read it). FX thread.
 */
public class PlainTextCellSkin<S, T> extends TableCellSkin<S, T> {

    private static final String ELLIPSIS = "…";

    private final Text shown = new Text();
    /** The cell text and width the Text node was last fitted to. */
    private String fittedText;
    private double fittedWidth = -1;
    /** The width of "…" in the cell's font; measured when first needed. */
    private double ellipsisWidth = -1;

    public PlainTextCellSkin(TableCell<S, T> cell) {
        super(cell);
        shown.fontProperty().bind(cell.fontProperty());
        shown.fillProperty().bind(cell.textFillProperty());
        shown.underlineProperty().bind(cell.underlineProperty());
        // a new font changes the width the text needs
        shown.fontProperty().addListener((obs, old, now) -> {
            fittedWidth = -1;
            ellipsisWidth = -1;
        });
        getChildren().setAll(shown);
    }

    /**
     * The stock skin calls this on every text change to put its own text node back; here the one
     * child is {@link #shown}, set once (the super constructor calls this before it exists).
     */
    @Override
    protected void updateChildren() {
        if (shown != null && (getChildren().size() != 1 || getChildren().get(0) != shown)) {
            getChildren().setAll(shown);
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        String text = getSkinnable().getText();
        String value = text == null ? "" : text;
        if (!value.equals(fittedText) || w != fittedWidth) {
            fit(value, w);
        }
        // as the stock table cell skin: its area ends above the bottom padding
        double height = h - getSkinnable().getPadding().getBottom();
        double textWidth = shown.getLayoutBounds().getWidth();
        double textHeight = shown.getLayoutBounds().getHeight();
        Pos alignment = getSkinnable().getAlignment();
        HPos hpos = alignment == null ? HPos.LEFT : alignment.getHpos();
        double left = switch (hpos) {
            case RIGHT -> x + w - textWidth;
            case CENTER -> x + (w - textWidth) / 2;
            default -> x;
        };
        shown.relocate(snapPositionX(Math.max(x, left)), snapPositionY(y + (height - textHeight) / 2));
    }

    /** Shows {@code value}, cut with "…" where it is wider than {@code width}. */
    private void fit(String value, double width) {
        fittedText = value;
        fittedWidth = width;
        shown.setText(value);
        if (value.isEmpty() || shown.getLayoutBounds().getWidth() <= width) {
            return;
        }
        if (ellipsisWidth < 0) {
            Text measure = new Text(ELLIPSIS);
            measure.setFont(shown.getFont());
            ellipsisWidth = measure.getLayoutBounds().getWidth();
        }
        // the characters before the one under the point where "…" has to start (hit-tested on the
        // layout just made for the whole value)
        double y = shown.getLayoutBounds().getMinY() + shown.getLayoutBounds().getHeight() / 2;
        int keep = Math.min(value.length(), shown.hitTest(new Point2D(Math.max(0, width - ellipsisWidth), y)).getCharIndex());
        if (keep > 0 && Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        shown.setText(value.substring(0, Math.max(0, keep)) + ELLIPSIS);
    }

    /** What the Text node shows now (the cell's text, or its start and "…"): for tests. */
    public String shownText() {
        return shown.getText();
    }
}
