package org.persistenceexplorer.app;

import java.util.Arrays;
import javafx.application.Application;
import org.persistenceexplorer.store.engine.RootPolicy;

/**
 * Starts Persistence Explorer. A plain class, not an {@code Application}: launched from the
 * classpath, a main class that extends Application fails with "JavaFX runtime components are
 * missing".
 */
public final class Main {

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
        AppContext context = new AppContext(options.settings(), RootPolicy.detect());
        // Ctrl+C: stop the engines so no postgres process outlives the app.
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "pe-stop-engines"));
        ExplorerApp.prepare(context);
        Application.launch(ExplorerApp.class, args);
    }
}
