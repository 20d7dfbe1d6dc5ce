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
        for (Font font : List.of(Font.getDefault(), Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12),
                Font.font("Monospaced", 12))) {
            Text text = new Text("Persistence Explorer 0123456789 SELECT ·…");
            text.setFont(font);
            text.getLayoutBounds();
        }
        LOG.debug("UI warm-up: {} classes loaded in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
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
