package org.persistenceexplorer.ui.orgchart;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.SingleGraph;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.geom.Point3;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.camera.Camera;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;
import org.graphstream.ui.view.util.ShortcutManager;
import org.persistenceexplorer.domain.graph.OrgMember;

/**
 * The chart itself: a GraphStream graph in a JavaFX pane, node positions from
 * {@link TidyTreeLayout} (auto layout off), redrawn by difference when the visible part of the
 * {@link ChartTree} changes, so opening a team adds its people rather than rebuilding 2,000.
 * Mouse: click selects, double-click opens or closes a team, drag pans, wheel zooms. Keys:
 * arrows pan, + and - zoom, 0 fits the whole chart. Names show only once they are legible.
 * Styling is GraphStream CSS (department colours, role shapes, selection and path marks).
 * FX thread only.
 */
final class OrgChartCanvas {

    static final String NODE_PREFIX = "p";
    /** Below this many pixels per box a name would be unreadable: labels hide. */
    private static final double LEGIBLE_BOX_PX = 45;

    private final Graph graph = new SingleGraph("org chart", false, true, 4_096, 8_192);
    private final FxViewer viewer;
    private final FxDefaultView view;
    private final StackPane pane = new StackPane();
    private final Set<Long> drawn = new HashSet<>();
    private final Map<Long, String> classes = new HashMap<>();
    private final Map<String, Integer> departmentColours = new HashMap<>();
    private final List<String> extraEdges = new ArrayList<>();
    private Set<Long> marked = Set.of();
    private long selected = -1;
    private double labelZoom = -1;
    private double graphWidth = 1;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private LongConsumer onSelect = id -> { };
    private LongConsumer onToggle = id -> { };
    private Map<Long, TidyTreeLayout.Position> positions = Map.of();

    OrgChartCanvas() {
        viewer = new FxViewer(graph, FxViewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        viewer.disableAutoLayout();
        view = (FxDefaultView) viewer.addDefaultView(false);
        view.setMouseManager(new Inert());
        view.setShortcutManager(new InertKeys());
        view.setFocusTraversable(true);
        view.getStyleClass().add("pe-orgchart-canvas");
        pane.getChildren().add(view);
        pane.setMinSize(100, 100);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        view.addEventHandler(ScrollEvent.SCROLL, e -> zoom(e.getDeltaY() > 0 ? 0.8 : 1.25));
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        styleLabels(0.2);
    }

    StackPane node() {
        return pane;
    }

    void onSelect(LongConsumer callback) {
        this.onSelect = callback;
    }

    void onToggle(LongConsumer callback) {
        this.onToggle = callback;
    }

    int drawnNodes() {
        return graph.getNodeCount();
    }

    /** Draws the visible part of the tree: removes who left, adds who came, moves everyone to the new layout. */
    void show(ChartTree tree) {
        positions = TidyTreeLayout.of(tree);
        Set<Long> now = new HashSet<>(tree.visible());
        for (Long id : new ArrayList<>(drawn)) {
            if (!now.contains(id)) {
                graph.removeNode(NODE_PREFIX + id);
                drawn.remove(id);
                classes.remove(id);
            }
        }
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (Long id : tree.visible()) {
            TidyTreeLayout.Position at = positions.get(id);
            Node node = graph.getNode(NODE_PREFIX + id);
            if (node == null) {
                node = graph.addNode(NODE_PREFIX + id);
                drawn.add(id);
            }
            node.setAttribute("xyz", at.x(), at.y(), 0);
            minX = Math.min(minX, at.x());
            maxX = Math.max(maxX, at.x());
            OrgMember m = tree.member(id);
            int hidden = tree.hiddenBelow(id);
            String label = hidden > 0 ? m.name() + "  +" + hidden : m.name();
            if (!label.equals(node.getAttribute("ui.label"))) {
                node.setAttribute("ui.label", label);
            }
            restyle(id, node, tree);
        }
        for (Long id : tree.visible()) {
            Long parent = tree.parentOf(id);
            String edgeId = "r" + id;
            if (parent != null && drawn.contains(parent) && graph.getEdge(edgeId) == null) {
                graph.addEdge(edgeId, NODE_PREFIX + id, NODE_PREFIX + parent, false);
            }
        }
        graphWidth = Math.max(1, maxX - minX + TidyTreeLayout.NODE_WIDTH);
        // Legible when a box is LEGIBLE_BOX_PX wide: GraphStream's zoom is the share of the graph in view.
        double width = Math.max(400, pane.getWidth());
        styleLabels(Math.min(1, width * TidyTreeLayout.NODE_WIDTH / (LEGIBLE_BOX_PX * graphWidth)));
    }

    private void restyle(long id, Node node, ChartTree tree) {
        OrgMember m = tree.member(id);
        StringBuilder ui = new StringBuilder("d").append(departmentColour(m.department()));
        if (m.role() != null) {
            ui.append(',').append(m.role().toLowerCase(java.util.Locale.ROOT));
        }
        if (tree.hiddenBelow(id) > 0) {
            ui.append(",collapsed");
        }
        if (marked.contains(id)) {
            ui.append(",marked");
        }
        if (id == selected) {
            ui.append(",selected");
        }
        String value = ui.toString();
        if (!value.equals(classes.get(id))) {
            node.setAttribute("ui.class", value);
            classes.put(id, value);
        }
    }

    private int departmentColour(String department) {
        return departmentColours.computeIfAbsent(department == null ? "" : department, d -> departmentColours.size() % 10);
    }

    /** Marks people and the links between them (a chain of command, a delegation chain, a path). */
    void mark(ChartTree tree, List<Long> chain) {
        for (String id : extraEdges) {
            if (graph.getEdge(id) != null) {
                graph.removeEdge(id);
            }
        }
        extraEdges.clear();
        graph.edges().forEach(e -> e.removeAttribute("ui.class"));
        marked = new HashSet<>(chain);
        for (int i = 1; i < chain.size(); i++) {
            long a = chain.get(i - 1);
            long b = chain.get(i);
            Edge tree1 = graph.getEdge("r" + a);
            Edge tree2 = graph.getEdge("r" + b);
            if (tree1 != null && tree1.getOpposite(tree1.getNode0()).getId().equals(NODE_PREFIX + b)) {
                tree1.setAttribute("ui.class", "marked");
            } else if (tree2 != null && tree2.getOpposite(tree2.getNode0()).getId().equals(NODE_PREFIX + a)) {
                tree2.setAttribute("ui.class", "marked");
            } else if (drawn.contains(a) && drawn.contains(b) && a != b) {
                String id = "x" + a + "-" + b + "-" + i;
                Edge link = graph.addEdge(id, NODE_PREFIX + a, NODE_PREFIX + b, true);
                link.setAttribute("ui.class", "delegation");
                extraEdges.add(id);
            }
        }
        for (Long id : drawn) {
            restyle(id, graph.getNode(NODE_PREFIX + id), tree);
        }
    }

    void select(ChartTree tree, long id) {
        long before = selected;
        selected = id;
        for (long changed : new long[] {before, id}) {
            Node node = graph.getNode(NODE_PREFIX + changed);
            if (node != null) {
                restyle(changed, node, tree);
            }
        }
    }

    /** Centres the person a little below the middle (their chain of command above) and zooms so about twelve boxes fit across. */
    void focus(long id) {
        TidyTreeLayout.Position at = positions.get(id);
        if (at == null) {
            return;
        }
        Camera camera = view.getCamera();
        camera.setAutoFitView(false);
        camera.setViewCenter(at.x(), at.y() + TidyTreeLayout.GAP_BETWEEN_LEVELS, 0);
        camera.setViewPercent(Math.min(1, 12 * (TidyTreeLayout.NODE_WIDTH + TidyTreeLayout.GAP_BETWEEN_NODES) / graphWidth));
    }

    /** Paints the chart now, on this thread (GraphStream otherwise paints on its next timer tick): for measuring. */
    void paintNow() {
        view.render(view.getGraphics());
    }

    void fit() {
        view.getCamera().resetView();
    }

    void zoom(double factor) {
        Camera camera = view.getCamera();
        camera.setViewPercent(Math.max(0.0005, Math.min(2, camera.getViewPercent() * factor)));
    }

    void pan(double dxPx, double dyPx) {
        Camera camera = view.getCamera();
        double ratio = camera.getMetrics().ratioPx2Gu;
        if (ratio <= 0) {
            return;
        }
        Point3 centre = camera.getViewCenter();
        camera.setViewCenter(centre.x - dxPx / ratio, centre.y + dyPx / ratio, 0);
    }

    /** The camera's centre in graph units and its zoom (1 = everything fits), for tests. */
    Point3 viewCentre() {
        return view.getCamera().getViewCenter();
    }

    double viewPercent() {
        return view.getCamera().getViewPercent();
    }

    /** Where a person's box is on screen, in the pane's coordinates (for tests and tooltips). */
    Point3 screenPositionOf(long id) {
        TidyTreeLayout.Position at = positions.get(id);
        return at == null ? null : view.getCamera().transformGuToPx(at.x(), at.y(), 0);
    }

    private void styleLabels(double zoomForLabels) {
        if (Math.abs(zoomForLabels - labelZoom) < 1e-4) {
            return;
        }
        labelZoom = zoomForLabels;
        graph.setAttribute("ui.stylesheet", OrgChartStyle.stylesheet(zoomForLabels));
        graph.setAttribute("ui.antialias");
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        dragX = e.getX();
        dragY = e.getY();
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        pan(e.getX() - dragX, e.getY() - dragY);
        dragged = dragged || Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 2;
        dragX = e.getX();
        dragY = e.getY();
    }

    private void released(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        GraphicElement hit = view.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), e.getX(), e.getY());
        if (hit != null && hit.getId().startsWith(NODE_PREFIX)) {
            long id = Long.parseLong(hit.getId().substring(NODE_PREFIX.length()));
            if (e.getClickCount() >= 2) {
                onToggle.accept(id);
            } else {
                onSelect.accept(id);
            }
        }
    }

    private void key(KeyEvent e) {
        double step = 80;
        KeyCode code = e.getCode();
        switch (code) {
            case LEFT -> pan(step, 0);
            case RIGHT -> pan(-step, 0);
            case UP -> pan(0, step);
            case DOWN -> pan(0, -step);
            case PLUS, ADD, EQUALS -> zoom(0.8);
            case MINUS, SUBTRACT -> zoom(1.25);
            case DIGIT0, NUMPAD0, HOME -> fit();
            default -> {
                return;
            }
        }
        e.consume();
    }

    void close() {
        viewer.close();
    }

    /** GraphStream's own mouse handling (node dragging, rubber band) stays off: the chart has its own. */
    private static final class Inert implements MouseManager {
        @Override
        public void init(GraphicGraph graph, View view) {
        }

        @Override
        public void release() {
        }

        @Override
        public EnumSet<InteractiveElement> getManagedTypes() {
            return EnumSet.noneOf(InteractiveElement.class);
        }
    }

    private static final class InertKeys implements ShortcutManager {
        @Override
        public void init(GraphicGraph graph, View view) {
        }

        @Override
        public void release() {
        }
    }
}
