package org.persistenceexplorer.service.migrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.persistenceexplorer.domain.schema.ColumnShape;
import org.persistenceexplorer.domain.schema.ConstraintShape;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.domain.schema.TableShape;

/**
 * Lays a schema out as a diagram with Eclipse ELK's layered algorithm (decision 0018): tables
 * are nodes sized by their text, foreign keys are edges routed orthogonally. Given the version
 * before, what was removed stays in the picture, marked, beside what was added or changed.
 * CPU only, no statement; call off the FX thread (ELK's first use loads many classes).
 */
public final class SchemaLayout {

    /** Box metrics in the diagram's pixels; the view's CSS uses a font that fits them. */
    static final double CHAR_WIDTH = 7.4;
    static final double LINE_HEIGHT = 17;
    static final double HEADER_HEIGHT = 24;
    static final double PADDING = 8;

    private SchemaLayout() {
    }

    /** The schema {@code after}, marked against {@code before} (pass the same for no marks). */
    public static DiagramLayout of(SchemaSnapshot before, SchemaSnapshot after) {
        Map<String, TableShape> tables = new LinkedHashMap<>();
        after.tables().forEach(t -> tables.put(t.name(), t));
        before.tables().forEach(t -> tables.putIfAbsent(t.name(), t));

        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 30.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(20));

        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<String, List<DiagramLayout.Line>> lines = new LinkedHashMap<>();
        Map<String, DiagramLayout.Mark> marks = new LinkedHashMap<>();
        for (TableShape table : tables.values()) {
            TableShape was = before.table(table.name()).orElse(null);
            TableShape now = after.table(table.name()).orElse(null);
            List<DiagramLayout.Line> tableLines = lines(was, now);
            DiagramLayout.Mark mark = was == null ? DiagramLayout.Mark.ADDED : now == null ? DiagramLayout.Mark.REMOVED
                    : tableLines.stream().anyMatch(l -> l.mark() != DiagramLayout.Mark.SAME) || !Objects.equals(was, now)
                    ? DiagramLayout.Mark.CHANGED : DiagramLayout.Mark.SAME;
            // Each line starts with a two-character mark ("+ ", "− ", "~ ").
            int widest = Math.max(table.name().length() + 1, 2 + tableLines.stream().mapToInt(l -> l.text().length()).max().orElse(0));
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setWidth(widest * CHAR_WIDTH + 2 * PADDING);
            node.setHeight(HEADER_HEIGHT + tableLines.size() * LINE_HEIGHT + PADDING);
            nodes.put(table.name(), node);
            lines.put(table.name(), tableLines);
            marks.put(table.name(), mark);
        }

        List<ElkEdge> edges = new ArrayList<>();
        List<DiagramLayout.Arrow> unplaced = new ArrayList<>();
        for (TableShape table : tables.values()) {
            for (ConstraintShape fk : foreignKeys(before, after, table.name())) {
                ElkNode target = nodes.get(fk.references());
                if (target == null) {
                    continue; // a key into another schema: nothing to draw it to
                }
                edges.add(ElkGraphUtil.createSimpleEdge(nodes.get(table.name()), target));
                unplaced.add(new DiagramLayout.Arrow(fk.name(), table.name(), fk.references(),
                        markOf(before.table(table.name()).flatMap(t -> find(t, fk.name())).orElse(null),
                                after.table(table.name()).flatMap(t -> find(t, fk.name())).orElse(null)), List.of()));
            }
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<DiagramLayout.Box> boxes = new ArrayList<>();
        nodes.forEach((name, node) -> boxes.add(new DiagramLayout.Box(name, node.getX(), node.getY(), node.getWidth(),
                node.getHeight(), marks.get(name), lines.get(name))));
        List<DiagramLayout.Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            DiagramLayout.Arrow a = unplaced.get(i);
            arrows.add(new DiagramLayout.Arrow(a.name(), a.from(), a.to(), a.mark(), points(edges.get(i))));
        }
        return new DiagramLayout(root.getWidth(), root.getHeight(), boxes, arrows);
    }

    private static List<double[]> points(ElkEdge edge) {
        List<double[]> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new double[] {section.getStartX(), section.getStartY()});
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new double[] {bend.getX(), bend.getY()});
            }
            points.add(new double[] {section.getEndX(), section.getEndY()});
        }
        return points;
    }

    private static List<ConstraintShape> foreignKeys(SchemaSnapshot before, SchemaSnapshot after, String table) {
        Map<String, ConstraintShape> keys = new LinkedHashMap<>();
        after.table(table).ifPresent(t -> t.foreignKeys().forEach(k -> keys.put(k.name(), k)));
        before.table(table).ifPresent(t -> t.foreignKeys().forEach(k -> keys.putIfAbsent(k.name(), k)));
        return List.copyOf(keys.values());
    }

    private static java.util.Optional<ConstraintShape> find(TableShape table, String name) {
        return table.constraints().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static DiagramLayout.Mark markOf(Object was, Object now) {
        if (was == null) {
            return DiagramLayout.Mark.ADDED;
        }
        if (now == null) {
            return DiagramLayout.Mark.REMOVED;
        }
        return was.equals(now) ? DiagramLayout.Mark.SAME : DiagramLayout.Mark.CHANGED;
    }

    private static List<DiagramLayout.Line> lines(TableShape was, TableShape now) {
        List<DiagramLayout.Line> result = new ArrayList<>();
        TableShape shown = now != null ? now : was;
        for (ColumnShape column : shown.columns()) {
            ColumnShape old = was == null ? null : was.column(column.name()).orElse(null);
            ColumnShape current = now == null ? null : now.column(column.name()).orElse(null);
            result.add(new DiagramLayout.Line(text(shown, column), markOf(old, current)));
        }
        if (was != null && now != null) {
            for (ColumnShape column : was.columns()) {
                if (now.column(column.name()).isEmpty()) {
                    result.add(new DiagramLayout.Line(text(was, column), DiagramLayout.Mark.REMOVED));
                }
            }
        }
        return result;
    }

    private static String text(TableShape table, ColumnShape column) {
        String key = table.inPrimaryKey(column.name()) ? " PK"
                : table.foreignKeys().stream().anyMatch(k -> k.columns().contains(column.name())) ? " FK" : "";
        return column.name() + " " + shortType(column.type()) + (column.notNull() ? "" : "?") + key;
    }

    /** "character varying(200)" reads as "varchar(200)" in a box. */
    static String shortType(String type) {
        return type.replace("character varying", "varchar").replace("timestamp with time zone", "timestamptz")
                .replace("timestamp without time zone", "timestamp");
    }
}
