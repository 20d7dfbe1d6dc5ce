package org.persistenceexplorer.service.migrations;

import java.util.List;

/**
 * A schema diagram with every position computed: tables as boxes with their columns, foreign
 * keys as arrows with their bend points, each marked the same, added, removed or changed.
 * Drawing it needs no layout work. Immutable.
 */
public record DiagramLayout(double width, double height, List<Box> boxes, List<Arrow> arrows) {

    public DiagramLayout {
        boxes = List.copyOf(boxes);
        arrows = List.copyOf(arrows);
    }

    /** How a part of the diagram compares with the version before. */
    public enum Mark { SAME, ADDED, REMOVED, CHANGED }

    /** One table. */
    public record Box(String table, double x, double y, double width, double height, Mark mark, List<Line> lines) {
        public Box {
            lines = List.copyOf(lines);
        }
    }

    /** One column line in a box: "id bigint PK", its mark. */
    public record Line(String text, Mark mark) {
    }

    /**
     * One foreign key from {@code from} to {@code to}.
     *
     * @param points x, y pairs from the source box's edge to the target's
     */
    public record Arrow(String name, String from, String to, Mark mark, List<double[]> points) {
        public Arrow {
            points = List.copyOf(points);
        }

        /** Equal when every field and every point's coordinates are: a layout computed again compares equal. */
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Arrow a) || !name.equals(a.name) || !from.equals(a.from) || !to.equals(a.to)
                    || mark != a.mark || points.size() != a.points.size()) {
                return false;
            }
            for (int i = 0; i < points.size(); i++) {
                if (!java.util.Arrays.equals(points.get(i), a.points.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = java.util.Objects.hash(name, from, to, mark);
            for (double[] p : points) {
                h = 31 * h + java.util.Arrays.hashCode(p);
            }
            return h;
        }
    }

    public Box box(String table) {
        return boxes.stream().filter(b -> b.table().equals(table)).findFirst().orElse(null);
    }
}
