package org.persistenceexplorer.ui.migrations;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.persistenceexplorer.service.migrations.DiagramLayout;

/**
 * Draws a {@link DiagramLayout} (positions computed by ELK in the service): a box per table with
 * its columns, an arrow per foreign key, each part styled by its mark (pe-mark-added / -removed
 * / -changed, see migrations.css). Only draws; FX thread.
 */
public final class SchemaDiagram extends Pane {

    static final String ADDED = "pe-mark-added";
    static final String REMOVED = "pe-mark-removed";
    static final String CHANGED = "pe-mark-changed";

    private final Label empty = new Label("No tables at this version.");

    public SchemaDiagram() {
        getStyleClass().add("pe-diagram");
        empty.getStyleClass().add("pe-muted");
        empty.relocate(16, 16);
        getChildren().add(empty);
    }

    /** Shows a layout; null shows nothing but a note. */
    public void show(DiagramLayout layout) {
        List<Node> nodes = new ArrayList<>();
        if (layout == null || layout.boxes().isEmpty()) {
            empty.setText(layout == null ? "The schema at this version is not known (a script failed)." : "No tables at this version.");
            getChildren().setAll(empty);
            setPrefSize(300, 60);
            return;
        }
        for (DiagramLayout.Arrow arrow : layout.arrows()) {
            nodes.add(arrow(arrow));
        }
        for (DiagramLayout.Box box : layout.boxes()) {
            nodes.add(box(box));
        }
        getChildren().setAll(nodes);
        setPrefSize(layout.width(), layout.height());
        setMinSize(layout.width(), layout.height());
    }

    private static Group box(DiagramLayout.Box box) {
        Group group = new Group();
        group.setId("diagram-" + box.table());
        group.getStyleClass().addAll("pe-diagram-table", markClass(box.mark()));
        Rectangle frame = new Rectangle(box.width(), box.height());
        frame.getStyleClass().add("pe-diagram-frame");
        Rectangle header = new Rectangle(box.width(), 22);
        header.getStyleClass().add("pe-diagram-header");
        Text title = new Text(8, 16, box.table());
        title.getStyleClass().add("pe-diagram-title");
        group.getChildren().addAll(frame, header, title);
        double y = 22 + 14;
        for (DiagramLayout.Line line : box.lines()) {
            Text text = new Text(8, y, (line.mark() == DiagramLayout.Mark.ADDED ? "+ "
                    : line.mark() == DiagramLayout.Mark.REMOVED ? "− " : line.mark() == DiagramLayout.Mark.CHANGED ? "~ " : "  ")
                    + line.text());
            text.getStyleClass().addAll("pe-diagram-column", markClass(line.mark()));
            group.getChildren().add(text);
            y += 17;
        }
        group.relocate(box.x(), box.y());
        return group;
    }

    private static Group arrow(DiagramLayout.Arrow arrow) {
        Group group = new Group();
        group.getStyleClass().addAll("pe-diagram-arrow", markClass(arrow.mark()));
        Polyline line = new Polyline();
        for (double[] p : arrow.points()) {
            line.getPoints().addAll(p[0], p[1]);
        }
        line.getStyleClass().add("pe-diagram-line");
        group.getChildren().add(line);
        int n = arrow.points().size();
        if (n >= 2) {
            double[] end = arrow.points().get(n - 1);
            double[] from = arrow.points().get(n - 2);
            double angle = Math.atan2(end[1] - from[1], end[0] - from[0]);
            double size = 8;
            Polygon head = new Polygon(end[0], end[1],
                    end[0] - size * Math.cos(angle - 0.4), end[1] - size * Math.sin(angle - 0.4),
                    end[0] - size * Math.cos(angle + 0.4), end[1] - size * Math.sin(angle + 0.4));
            head.getStyleClass().add("pe-diagram-head");
            group.getChildren().add(head);
        }
        return group;
    }

    static String markClass(DiagramLayout.Mark mark) {
        return switch (mark) {
            case ADDED -> ADDED;
            case REMOVED -> REMOVED;
            case CHANGED -> CHANGED;
            case SAME -> "pe-mark-same";
        };
    }
}
