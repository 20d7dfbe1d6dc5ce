package org.persistenceexplorer.ui.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.UiScale;
import org.persistenceexplorer.ui.common.WindowSettings;

/**
 * The main window (fxml/MainView.fxml): a tab per registered {@link Feature}, with its icon and
 * Ctrl+digit shortcut, above the statement log, the status bar below. A feature's view is built
 * when its tab is first shown, and its ticker group runs only while the tab is selected.
 * FX thread.
 */
public final class MainView {

    static final double DEFAULT_LOG_DIVIDER = 0.62;
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final List<Feature> features;
    private final Function<Feature, FeatureContext> contexts;
    private final WindowSettings settings;
    private final Map<Tab, Feature> featureOfTab = new LinkedHashMap<>();
    private final Map<Feature, Opened> opened = new LinkedHashMap<>();
    private final UiScale scale;
    private boolean draggingDivider;

    @FXML private BorderPane root;
    @FXML private SplitPane split;
    @FXML private TabPane tabs;

    /**
     * @param features the tabs, in order
     * @param contexts makes a feature's context (its own ticker group and settings) when it first opens
     */
    public MainView(List<Feature> features, Function<Feature, FeatureContext> contexts, WindowSettings settings) {
        this.features = List.copyOf(features);
        this.contexts = contexts;
        this.settings = settings;
        this.scale = new UiScale(settings);
    }

    @FXML
    private void initialize() {
        for (Feature feature : features) {
            Tab tab = new Tab(feature.title());
            tab.setId(feature.id() + "Tab");
            if (feature.icon() != null) {
                tab.setGraphic(new FontIcon(feature.icon()));
            }
            featureOfTab.put(tab, feature);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (was != null) {
                hide(featureOfTab.get(was));
            }
            if (now != null) {
                show(featureOfTab.get(now));
            }
        });
        Tab first = tabs.getSelectionModel().getSelectedItem();
        if (first != null) {
            show(featureOfTab.get(first));
        }

        // The log (and whatever else is below the tabs) anchored too: at large text its toolbar is
        // wider than a window beside the Lessons panel, and the split pane would centre it.
        for (int i = 1; i < split.getItems().size(); i++) {
            split.getItems().set(i, new AnchoredView(split.getItems().get(i)));
        }
        rememberLogDivider();
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
                scale.applyTo(scene);
            }
        });
    }

    /**
     * The log's divider is saved when the user lets go of it, never when a layout moves it: the
     * window's first layouts (at the scene's size, then the remembered one) shift it a little,
     * and saving those made it drift on every start. The saved place is applied again once the
     * window has its final size.
     */
    private void rememberLogDivider() {
        double saved = settings.logDivider(DEFAULT_LOG_DIVIDER);
        split.setDividerPositions(saved);
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e ->
                draggingDivider = e.getPickResult().getIntersectedNode() != null
                        && isDivider(e.getPickResult().getIntersectedNode()));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (draggingDivider) {
                draggingDivider = false;
                settings.saveLogDivider(split.getDividerPositions()[0]);
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, oldWindow, window) -> {
                    if (window != null) {
                        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(
                                () -> split.setDividerPositions(settings.logDivider(DEFAULT_LOG_DIVIDER))));
                    }
                });
            }
        });
    }

    private boolean isDivider(Node node) {
        for (Node n = node; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), scale::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), scale::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), scale::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), scale::smaller);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), scale::smaller);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), scale::reset);
        List<Tab> all = new ArrayList<>(tabs.getTabs());
        for (int i = 0; i < all.size(); i++) {
            Tab tab = all.get(i);
            KeyCombination own = featureOfTab.get(tab).shortcut();
            KeyCombination key = own != null ? own
                    : i < DIGITS.length ? new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN) : null;
            if (key != null) {
                scene.getAccelerators().put(key, () -> tabs.getSelectionModel().select(tab));
            }
        }
    }

    private void show(Feature feature) {
        Opened view = opened.computeIfAbsent(feature, this::open);
        view.context.ticker().setActive(true);
        view.view.shown();
    }

    private Opened open(Feature feature) {
        FeatureContext context = contexts.apply(feature);
        FeatureView view = feature.open(context);
        tabFor(feature).setContent(new AnchoredView(view.root()));
        return new Opened(view, context);
    }

    private void hide(Feature feature) {
        Opened view = opened.get(feature);
        if (view != null) {
            view.context.ticker().setActive(false);
            view.view.hidden();
        }
    }

    private Tab tabFor(Feature feature) {
        return featureOfTab.entrySet().stream().filter(e -> e.getValue() == feature).findFirst().orElseThrow().getKey();
    }

    /** Selects the feature's tab (building its view the first time): a lesson's command acts on it next. */
    public void select(Feature feature) {
        tabs.getSelectionModel().select(tabFor(feature));
    }

    /** The features whose views have been built so far (a tab never shown has none). */
    public List<String> openedFeatures() {
        return opened.keySet().stream().map(Feature::id).toList();
    }

    /** The window closes: every opened feature is hidden and closed, and its ticks stop. */
    public void close() {
        opened.forEach((feature, view) -> {
            view.context.ticker().setActive(false);
            view.view.hidden();
            view.view.close();
            view.context.ticker().clear();
        });
    }

    /**
     * The engines moved to other servers (a connection profile): every opened feature is closed
     * and the selected tab is built again, so no tab shows the previous server's data. The
     * other tabs are built again when next shown.
     */
    public void reloadFeatures() {
        opened.forEach((feature, view) -> {
            view.context.ticker().setActive(false);
            view.view.hidden();
            view.view.close();
            view.context.ticker().clear();
            tabFor(feature).setContent(null);
        });
        opened.clear();
        featureOfTab.values().forEach(Feature::reset);
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            show(featureOfTab.get(selected));
        }
    }

    /**
     * The width the window's content needs to show the selected tab's view, the log and the status
     * bar whole (their min widths and the frame around them), for a side panel to make room for: wider than the
     * window, the view overflows at its right and is clipped ({@link AnchoredView}).
     */
    public double wantedWidth() {
        double wanted = 0;
        if (tabs.getSelectionModel().getSelectedItem() != null
                && tabs.getSelectionModel().getSelectedItem().getContent() instanceof AnchoredView page) {
            wanted = page.wantedWidth() + frame(page);
        }
        for (Node item : split.getItems()) {
            if (item instanceof AnchoredView below) {
                wanted = Math.max(wanted, below.wantedWidth() + frame(below));
            }
        }
        // The status bar too: where it needs more than the tab and the log, its end would lie under the panel.
        if (root.getBottom() != null) {
            wanted = Math.max(wanted, root.getBottom().minWidth(-1));
        }
        return wanted;
    }

    /** What lies left and right of a node in the window's content (the panes' insets). */
    private double frame(Node node) {
        double width = node.getLayoutBounds().getWidth();
        return width > 0 ? Math.max(0, root.getWidth() - width) : 0;
    }

    /**
     * Keeps the tab headers' row clear of what lies over its right end (the Lessons and Connect
     * buttons): the headers end that much earlier, and those that no longer fit are in the tab
     * pane's own menu (its ▾ button) instead of under the buttons, where they could not be clicked
     * ({@link CornerClearTabSkin}).
     *
     * @param right the width to keep free at the row's right end, in pixels
     */
    public void keepTabHeadersClearOf(javafx.beans.value.ObservableDoubleValue right) {
        tabs.setSkin(new CornerClearTabSkin(tabs, right));
    }

    /** The text scale of the main window (Ctrl+Plus, Ctrl+Minus, Ctrl+0). */
    public UiScale scale() {
        return scale;
    }

    private record Opened(FeatureView view, FeatureContext context) {
    }
}
