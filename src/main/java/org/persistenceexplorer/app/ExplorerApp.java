package org.persistenceexplorer.app;

import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.persistenceexplorer.service.startup.StartupListener;
import org.persistenceexplorer.service.startup.StartupProblem;
import org.persistenceexplorer.service.startup.StartupStep;
import java.util.prefs.Preferences;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.UiTicker;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.common.WindowSettings;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.ui.log.StatementLogViewModel;
import org.persistenceexplorer.ui.shell.MainView;
import org.persistenceexplorer.ui.startup.StartupView;
import org.persistenceexplorer.ui.startup.StartupViewModel;
import org.persistenceexplorer.ui.startup.StartupWindow;
import org.persistenceexplorer.ui.status.StatusBarView;
import org.persistenceexplorer.ui.status.ReconciliationViewModel;
import org.persistenceexplorer.ui.status.StatusBarViewModel;
import org.persistenceexplorer.ui.status.VerdictViewModel;
import org.persistenceexplorer.ui.status.StatementCounterOverlay;
import org.persistenceexplorer.ui.common.DisplayMode;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: shows the startup screen while the engines come up, then the main
 * window. Closing the window (or Ctrl+C) stops the engines and exits within seconds.
 */
public final class ExplorerApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ExplorerApp.class);
    static final String STYLESHEET = "/css/explorer.css";
    /** Projector mode (full screen, large high-contrast text, the big counter). */
    private static final KeyCombination PROJECTOR = new KeyCodeCombination(KeyCode.F11);
    /** The everyday dark theme. */
    private static final KeyCombination DARK = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    /** The Connect dialog: connection profiles, the user's own servers. */
    static final KeyCombination CONNECT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private org.persistenceexplorer.ui.connect.ConnectDialog connectDialog;
    private volatile boolean connectWhenMainShows;

    private static volatile AppContext pendingContext;

    private AppContext context;
    private FxBackgroundRunner runner;
    private final UiTicker ticker = new UiTicker();
    private final WindowSettings windowSettings = new WindowSettings();
    private Stage startupStage;
    private Stage mainStage;
    private MainView mainView;
    private ScriptedQuit scriptedQuit = ScriptedQuit.NEVER;

    /** Hands the composition root to the application instance JavaFX creates. */
    static void prepare(AppContext appContext) {
        pendingContext = appContext;
    }

    @Override
    public void start(Stage stage) {
        context = pendingContext;
        if (context == null) {
            throw new IllegalStateException("Start Persistence Explorer through Main, which prepares the engines.");
        }
        scriptedQuit = ScriptedQuit.fromSystemProperty();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // As many workers as pool connections: more work would only wait inside the pool.
        runner = new FxBackgroundRunner(context.sql().poolSize());
        startupStage = stage;
        if (scriptedQuit == ScriptedQuit.WINDOW) {
            // The cache training quits at the window: Hibernate and Neo4j must not start even when
            // the window takes minutes (they would fill the cache and make the quit wait for Neo4j).
            context.holdBackgroundStepsUntilQuit();
        } else {
            context.holdBackgroundStepsUntilTheMainWindowIsShown();
        }
        showStartup(stage);
        ticker.start();
    }

    private void showStartup(Stage stage) {
        StartupViewModel startup = new StartupViewModel(context.startup(), runner);
        Parent view = ViewLoader.load(new StartupView(startup, this::quit, () -> connectWhenMainShows = true));
        UiTicker.Subscription ticks = ticker.subscribe(startup::refresh);
        stage.setTitle("Persistence Explorer — starting");
        stage.setScene(styled(StartupWindow.sceneFor(view)));
        StartupWindow.fit(stage);
        stage.getScene().getAccelerators().put(QUIT, this::quit);
        stage.setOnCloseRequest(e -> quit());
        stage.show();
        startup.readyProperty().addListener((obs, old, ready) -> {
            if (ready) {
                ticks.cancel();
                showMain();
                LOG.info("Main window open {} ms after launch", sinceLaunch());
                if (scriptedQuit == ScriptedQuit.WINDOW) {
                    Platform.runLater(this::quit);
                }
            }
        });
        startup.runningProperty().addListener((obs, was, running) -> {
            if (was && !running && startup.problemProperty().get() != null) {
                LOG.warn("Startup stopped {} ms after launch: {} failed; engines: {}", sinceLaunch(),
                        startup.problemStepProperty().get(), context.statuses());
                if (scriptedQuit != ScriptedQuit.NEVER) {
                    quit(); // a script waits for nobody to press Retry
                }
            } else if (was && !running) {
                LOG.info("Startup finished {} ms after launch; engines: {}", sinceLaunch(), context.statuses());
                if (scriptedQuit == ScriptedQuit.STARTED) {
                    quit();
                }
            }
        });
        startup.start();
    }

    private void showMain() {
        StatementLogViewModel logModel = new StatementLogViewModel(context.statementLog(), context.actionTotals(),
                context::captureCost);
        StatusBarViewModel statusModel = new StatusBarViewModel(context::statuses, context.sql()::pool,
                context.statementLog(), runner, progress -> retryStartup());
        ReconciliationViewModel reconciliationModel = new ReconciliationViewModel(context.reconciliation(), runner);
        VerdictViewModel verdictModel = new VerdictViewModel(context.verdicts(),
                verdict -> logModel.filterProperty().set(verdict.logFilter()));
        Preferences featureSettings = windowSettings.node().node("features");
        java.util.List<org.persistenceexplorer.ui.common.Feature> features = FeatureList.of(context);
        mainView = new MainView(features, feature -> new FeatureContext(runner, ticker.group(),
                featureSettings.node(feature.id()), context::statuses), windowSettings);
        StatementLogView logView = new StatementLogView(logModel);
        Parent main = ViewLoader.forController(mainView)
                .nested(StatementLogView.class, () -> logView)
                .nested(StatusBarView.class, () -> new StatusBarView(statusModel, reconciliationModel, verdictModel))
                .load();
        ticker.subscribe(logModel::refresh);
        ticker.subscribe(statusModel::refresh);
        ticker.subscribe(reconciliationModel::refresh);
        ticker.subscribe(verdictModel::refresh);
        StatementCounterOverlay counter = new StatementCounterOverlay(context.statementLog());
        ticker.subscribe(counter::refresh);
        ticker.tick();
        if (main instanceof javafx.scene.layout.Region region) {
            // Sized by the window, never centred wider than it: a status bar longer than the window
            // overflows at its right end, as it did before the overlay layer.
            region.setMinSize(0, 0);
        }
        // The Lessons side panel (F1) beside the tabs and the log, whatever tab is shown.
        org.persistenceexplorer.ui.lessons.Lessons lessons = new org.persistenceexplorer.ui.lessons.Lessons(features,
                mainView::select, context.statementLog(), windowSettings.node().node("lessons"), logModel.highlightProperty());
        ticker.subscribe(lessons::refresh);
        StackPane root = new StackPane(lessons.beside(main, mainView::wantedWidth));
        // Over the log's top right corner (its oldest lines' far end), clear of the tabs, the lab's
        // controls and the newest lines at the log's bottom, which projector mode's readers follow.
        logView.overlayTopRight(counter.node());

        mainStage = new Stage();
        mainStage.setTitle("Persistence Explorer");
        mainStage.setScene(styled(new Scene(root, 1200, 800)));
        windowSettings.restore(mainStage, 1200, 800);
        DisplayMode display = new DisplayMode(windowSettings.node().node("display"), mainView.scale());
        counter.node().visibleProperty().bind(display.projectorProperty());
        // Projector mode's text size, 1.5x-2.5x: at the end of the log's toolbar, which every tab shows. Laid over
        // the tab headers' row it hid the last headers at 2x (the tab pane's skin cannot keep room free there).
        org.persistenceexplorer.ui.common.ProjectorScaleControl scaleControl =
                new org.persistenceexplorer.ui.common.ProjectorScaleControl(display);
        logView.addToToolbarEnd(scaleControl.node());
        scaleControl.node().visibleProperty().bind(display.projectorProperty());
        scaleControl.node().managedProperty().bind(display.projectorProperty());
        mainStage.getScene().getAccelerators().put(org.persistenceexplorer.ui.lessons.Lessons.KEY, lessons::toggle);
        logView.setReduced(display.projectorProperty().get());
        display.projectorProperty().addListener((o, was, now) -> logView.setReduced(now));
        display.applyTo(mainStage, mainStage.getScene());
        mainStage.setFullScreenExitHint("Projector mode: F11 or Esc to leave");
        mainStage.getScene().getAccelerators().put(PROJECTOR, display::toggleProjector);
        mainStage.getScene().getAccelerators().put(DARK, display::toggleDark);
        mainStage.setOnCloseRequest(e -> quit());
        mainStage.getScene().getAccelerators().put(QUIT, this::quit);
        installConnect(root, lessons);
        mainStage.show();
        if (connectWhenMainShows) {
            Platform.runLater(() -> connectDialog.show(mainStage));
        } else if (scriptedQuit == ScriptedQuit.NEVER && !context.profile().external()) {
            offerTheProfileUsedLast();
        }
        startupStage.hide();
        // After the first frame of the window, not before: building and showing it is CPU-heavy.
        // A scripted quit at the window lets nothing else start: quitting while Neo4j starts would
        // wait for its start to finish.
        if (scriptedQuit != ScriptedQuit.WINDOW) {
            Platform.runLater(context::mainWindowShown);
        }
    }

    /**
     * Started on the embedded pair while the profile used last is the user's own servers: the
     * Connect dialog opens with it selected, one click from using it again. Not connected by
     * itself (decision 0029): its Neo4j password is asked once per run, and the embedded pair
     * must come up whatever state the user's servers are in.
     */
    private void offerTheProfileUsedLast() {
        runner.run("connect: profile used last", progress -> context.connections().remembered(), last -> {
            Stage open = connectDialog.stage();
            if (last.external() && (open == null || !open.isShowing())) {
                connectDialog.show(mainStage);
            }
        }, failure -> LOG.warn("Could not read the connection profiles: {}", failure.getMessage()));
    }

    /** The Connect button (top right, naming the profile in use), Ctrl+Shift+K, and the dialog behind both. */
    private void installConnect(StackPane root, org.persistenceexplorer.ui.lessons.Lessons lessons) {
        javafx.scene.Node lessonsButton = lessons.button();
        connectDialog = new org.persistenceexplorer.ui.connect.ConnectDialog(runner, context.connections(), () -> {
            mainView.reloadFeatures();
            mainStage.setTitle(title());
            connectButton.setText(connectLabel());
        }, ExplorerApp::styled);
        connectButton = new javafx.scene.control.Button(connectLabel());
        connectButton.setId("connectButton");
        connectButton.getStyleClass().addAll("pe-connect-button", "small");
        connectButton.setTooltip(new javafx.scene.control.Tooltip("Connect: your own servers, profiles, read-only (Ctrl+Shift+K)"));
        connectButton.setOnAction(e -> connectDialog.show(mainStage));
        // Lessons and Connect side by side at the top right, over the tab headers' empty end.
        javafx.scene.layout.HBox corner = new javafx.scene.layout.HBox(6, lessonsButton, connectButton);
        corner.setAlignment(Pos.CENTER_RIGHT);
        corner.setPickOnBounds(false);
        corner.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        root.getChildren().add(corner);
        StackPane.setAlignment(corner, Pos.TOP_RIGHT);
        StackPane.setMargin(corner, new Insets(3, CORNER_MARGIN, 0, 0));
        // The tab headers end left of the buttons (at large text they reached under them and the
        // last ones could not be clicked); over the open Lessons panel the buttons cover no header.
        javafx.beans.binding.DoubleBinding taken = lessons.widthTaken();
        mainView.keepTabHeadersClearOf(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> corner.getWidth() + CORNER_MARGIN + CORNER_GAP - taken.get(), corner.widthProperty(), taken));
        mainStage.getScene().getAccelerators().put(CONNECT, () -> connectDialog.show(mainStage));
        mainStage.setTitle(title());
    }

    private javafx.scene.control.Button connectButton;
    /** The corner buttons' distance from the window's right edge, and from the last tab header. */
    private static final double CORNER_MARGIN = 8;
    private static final double CORNER_GAP = 6;

    private String connectLabel() {
        org.persistenceexplorer.service.connect.ConnectionProfile profile = context.profile();
        return "⛁ " + profile.name() + (profile.readOnly() ? " · read-only" : "");
    }

    private String title() {
        org.persistenceexplorer.service.connect.ConnectionProfile profile = context.profile();
        return profile.external() ? "Persistence Explorer — " + profile.name() : "Persistence Explorer";
    }

    private static long sinceLaunch() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Re-runs the startup steps not done yet; null when all are done now, else the first problem. */
    private String retryStartup() {
        LoggingStartupListener listener = new LoggingStartupListener();
        return context.startup().run(listener) ? null : listener.firstProblem();
    }

    static Scene styled(Scene scene) {
        scene.getStylesheets().add(ExplorerApp.class.getResource(STYLESHEET).toExternalForm());
        return scene;
    }

    /** Saves the window, stops the engines off the FX thread, then exits the JVM. */
    private void quit() {
        if (mainStage != null && mainStage.isShowing()) {
            windowSettings.save(mainStage);
        }
        ticker.stop();
        if (mainView != null) {
            mainView.close();
        }
        runner.close();
        Thread stopper = new Thread(() -> {
            context.close();
            Platform.exit();
            // Neo4j's network threads are not daemons; nothing is left to wait for.
            System.exit(0);
        }, "pe-shutdown");
        stopper.start();
        if (mainStage != null) {
            mainStage.hide();
        }
        startupStage.hide();
    }

    /**
     * JavaFX is ending (Platform.exit, or a test cleaning up): stop the engines, but never on the
     * FX thread, which would freeze the window for a second or more. The shutdown hook waits for
     * this close to finish before the JVM ends.
     */
    @Override
    public void stop() {
        if (context != null) {
            Thread stopper = new Thread(context::close, "pe-stop-engines-on-exit");
            stopper.start();
        }
    }

    /** Logs retried startup steps and keeps the first problem for the status bar. */
    private static final class LoggingStartupListener implements StartupListener {
        private volatile String firstProblem;

        String firstProblem() {
            return firstProblem == null ? "a step did not finish" : firstProblem;
        }

        @Override
        public void started(StartupStep step) {
            LOG.info("Retrying: {}", step.title());
        }

        @Override
        public void succeeded(StartupStep step, Duration took, String summary) {
            LOG.info("{} done in {} ms: {}", step.title(), took.toMillis(), summary);
        }

        @Override
        public void failed(StartupStep step, Duration took, StartupProblem problem) {
            LOG.warn("{} failed: {}", step.title(), problem.message());
            if (firstProblem == null) {
                firstProblem = step.title() + ": " + problem.message();
            }
        }

        @Override
        public void skipped(StartupStep step, String reason) {
            LOG.info("{} skipped: {}", step.title(), reason);
        }
    }
}
