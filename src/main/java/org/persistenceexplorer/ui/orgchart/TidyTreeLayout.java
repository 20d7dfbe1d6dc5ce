package org.persistenceexplorer.ui.orgchart;

import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abego.treelayout.NodeExtentProvider;
import org.abego.treelayout.TreeLayout;
import org.abego.treelayout.util.DefaultConfiguration;
import org.abego.treelayout.util.DefaultTreeForTreeLayout;

/**
 * Positions for the visible part of a {@link ChartTree}, from abego TreeLayout (Walker's tidy
 * tree in linear time: no overlaps, parents centred over their children). Several tops are
 * laid out side by side under an invisible root. Coordinates are graph units with y growing
 * upwards (GraphStream's way): the top of the company has the largest y. Plain Java.
 */
public final class TidyTreeLayout {

    public static final double NODE_WIDTH = 1.0;
    public static final double NODE_HEIGHT = 0.4;
    public static final double GAP_BETWEEN_NODES = 0.45;
    public static final double GAP_BETWEEN_LEVELS = 1.2;
    private static final Long COMPANY = Long.MIN_VALUE;

    /** Where one person goes: the centre of their box. */
    public record Position(double x, double y) {
    }

    private TidyTreeLayout() {
    }

    /** Lays out {@code tree.visible()}. */
    public static Map<Long, Position> of(ChartTree tree) {
        List<Long> visible = tree.visible();
        DefaultTreeForTreeLayout<Long> shape = new DefaultTreeForTreeLayout<>(COMPANY);
        java.util.Set<Long> drawn = new java.util.HashSet<>(visible);
        for (Long id : visible) { // parents come before their children
            Long parent = tree.parentOf(id);
            shape.addChild(parent == null || !drawn.contains(parent) ? COMPANY : parent, id);
        }
        NodeExtentProvider<Long> extents = new NodeExtentProvider<>() {
            @Override
            public double getWidth(Long id) {
                return id.equals(COMPANY) ? 0 : NODE_WIDTH;
            }

            @Override
            public double getHeight(Long id) {
                return id.equals(COMPANY) ? 0 : NODE_HEIGHT;
            }
        };
        TreeLayout<Long> layout = new TreeLayout<>(shape, extents,
                new DefaultConfiguration<>(GAP_BETWEEN_LEVELS, GAP_BETWEEN_NODES));
        Map<Long, Position> positions = new HashMap<>();
        for (Map.Entry<Long, Rectangle2D.Double> e : layout.getNodeBounds().entrySet()) {
            if (!e.getKey().equals(COMPANY)) {
                Rectangle2D.Double box = e.getValue();
                positions.put(e.getKey(), new Position(box.getCenterX(), -box.getCenterY()));
            }
        }
        return positions;
    }
}
