package org.persistenceexplorer.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import org.persistenceexplorer.store.engine.RootPolicy;

/**
 * Starts Persistence Explorer. A plain class, not an {@code Application}: launched from the
 * classpath, a main class that extends Application fails with "JavaFX runtime components are
 * missing".
 */
public final class Main {

    private static final int TERMINAL_WIDTH = 92;

    // Held so the level sticks: java.util.logging keeps loggers only weakly.
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) {
        // Hibernate logs through jboss-logging, which would pick Neo4j's Log4j2 and lose them.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args), System.getenv(), DataFolder.defaultForThisMachine());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.helpRequested()) {
            System.out.println(LaunchOptions.usage());
            return;
        }
        Optional<DisplayProblem> noWindow = DisplayProblem.beforeLaunch(System.getProperty("os.name"),
                System.getenv(), System.getProperty("glass.platform"));
        if (noWindow.isPresent()) {
            exitWith(noWindow.get());
            return;
        }
        // The classpath launch is deliberate (the module path drops Neo4j's Scala jars), yet JavaFX
        // warns "Unsupported JavaFX configuration" about it on every start.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        SoftwareRendering.applyBeforeToolkitStarts();
        AppContext context = new AppContext(options.settings(), RootPolicy.detect(), options.profile());
        // Ctrl+C: stop the engines so no postgres process outlives the app.
        Thread stopEngines = new Thread(context::close, "pe-stop-engines");
        Runtime.getRuntime().addShutdownHook(stopEngines);
        ExplorerApp.prepare(context);
        try {
            Application.launch(ExplorerApp.class, args);
        } catch (RuntimeException e) {
            Optional<DisplayProblem> problem = DisplayProblem.recognise(e, System.getenv());
            if (problem.isEmpty()) {
                throw e;
            }
            // The toolkit failed before ExplorerApp.start, the only place that starts the engines:
            // there is nothing to stop, and the hook would only add a log line after the paragraph.
            Runtime.getRuntime().removeShutdownHook(stopEngines);
            exitWith(problem.get());
        }
    }

    private static void exitWith(DisplayProblem problem) {
        System.err.println(problem.paragraph(TERMINAL_WIDTH));
        System.exit(DisplayProblem.EXIT_STATUS);
    }
}
