package org.persistenceexplorer.ui.common;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, on a background thread while the engines start, the JavaFX control and skin classes
 * the main window needs, and lays out a little text in the fonts it uses. Building the main
 * window is the FX thread's longest stall at startup (hundreds of classes loaded and fonts
 * read for the first time); doing that part beforehand, off the FX thread, shortens it. Only
 * loading and text measuring happen here: nothing touches a scene. Start once; daemon thread.
 */
public final class UiWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(UiWarmUp.class);
    /** Packages of the controls jar whose classes the main window's table, tabs and split use. */
    private static final List<String> PACKAGES = List.of("javafx/scene/control/skin/",
            "com/sun/javafx/scene/control/", "javafx/scene/control/cell/");

    private UiWarmUp() {
    }

    /** Starts warming up in the background and returns at once. */
    public static void start() {
        Thread thread = new Thread(UiWarmUp::run, "pe-ui-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        long started = System.nanoTime();
        int loaded = loadControlClasses();
        int skins = buildThrowAwaySkins();
        for (Font font : List.of(Font.getDefault(), Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12),
                Font.font("Monospaced", 12))) {
            Text text = new Text("Persistence Explorer 0123456789 SELECT ·…");
            text.setFont(font);
            text.getLayoutBounds();
        }
        LOG.debug("UI warm-up: {} classes loaded, {} skins built in {} ms", loaded, skins,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Builds the skins of the controls the main window shows, on nodes no scene will ever hold
     * (allowed off the FX thread). The first skin of each kind links hundreds of lambda call sites
     * and runs cold code; that is most of the main window's first CSS pass, and here it happens
     * while the engines start instead of on the FX thread.
     */
    private static int buildThrowAwaySkins() {
        List<java.util.function.Supplier<javafx.scene.control.Skin<?>>> skins = List.of(
                () -> {
                    javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                            new javafx.scene.control.Tab("Tables"), new javafx.scene.control.Tab("Console"));
                    return new javafx.scene.control.skin.TabPaneSkin(tabs);
                },
                () -> {
                    TableView<String> table = new TableView<>(javafx.collections.FXCollections.observableArrayList("a", "b"));
                    table.getColumns().add(new javafx.scene.control.TableColumn<String, String>("Statement"));
                    return new javafx.scene.control.skin.TableViewSkin<>(table);
                },
                () -> new javafx.scene.control.skin.SplitPaneSkin(new javafx.scene.control.SplitPane(
                        new javafx.scene.layout.Pane(), new javafx.scene.layout.Pane())),
                () -> new javafx.scene.control.skin.LabelSkin(new javafx.scene.control.Label("Statement log")),
                () -> new javafx.scene.control.skin.ButtonSkin(new javafx.scene.control.Button("Copy")),
                () -> new javafx.scene.control.skin.ToggleButtonSkin(new javafx.scene.control.ToggleButton("Pause")),
                () -> new javafx.scene.control.skin.TextFieldSkin(new javafx.scene.control.TextField("filter")),
                () -> new javafx.scene.control.skin.ProgressIndicatorSkin(new javafx.scene.control.ProgressIndicator()),
                () -> new javafx.scene.control.skin.SeparatorSkin(new javafx.scene.control.Separator()));
        int built = 0;
        for (var skin : skins) {
            try {
                skin.get().dispose();
                built++;
            } catch (RuntimeException | LinkageError e) {
                // a skin that insists on the FX thread is simply built there later, as without warm-up
                LOG.debug("UI warm-up: a skin could not be built off the FX thread: {}", e.toString());
            }
        }
        return built;
    }

    private static int loadControlClasses() {
        CodeSource source = TableView.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return 0;
        }
        ClassLoader loader = TableView.class.getClassLoader();
        int loaded = 0;
        try (JarFile jar = new JarFile(Path.of(source.getLocation().toURI()).toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && PACKAGES.stream().anyMatch(name::startsWith)) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                        loaded++;
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a class this platform cannot load is one the window does not use
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            LOG.debug("UI warm-up skipped: {}", e.toString());
        }
        return loaded;
    }
}
