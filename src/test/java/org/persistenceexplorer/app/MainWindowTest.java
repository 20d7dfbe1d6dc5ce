package org.persistenceexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.persistenceexplorer.service.engine.EngineSettings;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.testsupport.FxStallWatchdog;
import org.persistenceexplorer.testsupport.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app, headless: startup screen, then the main window on freshly started embedded
 * PostgreSQL and Neo4j. Checks what a user would check first: four tabs, both engines up,
 * statements in the log, counters moving, and that neither startup nor switching tabs ran a
 * statement on the FX thread.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowTest extends FxRobot {

    private static Path dataDir;
    private static AppContext context;
    private static Application app;
    private static final FxStallWatchdog STALLS = new FxStallWatchdog();

    @BeforeAll
    static void startTheApp() throws Exception {
        dataDir = Files.createTempDirectory("pe-shell-");
        context = new AppContext(new EngineSettings(dataDir, null, null, null, null, null, null), RootPolicy.detect());
        ExplorerApp.prepare(context);
        STALLS.start();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ExplorerApp.class);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () ->
                mainWindow() != null && context.statuses().stream().allMatch(EngineStatus::up));
        // A UI tick after everything came up, so the panels show the statements of startup.
        long total = context.statementLog().counters().total();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Long.parseLong(new FxRobot().lookup("#statementTotal")
                .queryAs(Label.class).getText().split(" ")[0].replace(",", "")) >= total);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopTheApp() throws Exception {
        // Covers startup and every test's tab switching.
        FxStallWatchdog.Result stalls = STALLS.stop();
        System.out.println("MainWindowTest, longest FX stall: " + stalls.summary() + "\n" + stalls.longestStallTrace());
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        context.close();
        org.persistenceexplorer.testsupport.TestEngines.deleteFolder(dataDir);
        // Generous on purpose: only a real freeze goes past it, not a busy machine. Startup has one
        // stall of 1.6 s on a quiet machine and 2.8 s at load 6-10 (2 cores); see docs/BENCHMARKS.md.
        assertThat(stalls.maxMs()).as(stalls.summary()).isLessThan(5_000);
    }

    private static Stage mainWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && "Persistence Explorer".equals(s.getTitle())).map(w -> (Stage) w).findFirst().orElse(null);
    }

    @Test
    @Order(1)
    void showsTheTabsBothEnginesUpAndTheStatementsOfStartup() throws Exception {
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("Tables", "Migrations", "Org Chart", "Console", "Loading lab", "Transactions lab");

        Label postgres = lookup("#engine-postgresql").queryAs(Label.class);
        Label neo4j = lookup("#engine-neo4j").queryAs(Label.class);
        assertThat(postgres.getStyleClass()).contains("pe-engine-up");
        assertThat(neo4j.getStyleClass()).contains("pe-engine-up");
        assertThat(postgres.getText()).startsWith("PostgreSQL up");

        TableView<?> log = lookup("#logTable").queryAs(TableView.class);
        assertThat(log.getItems()).isNotEmpty();
        String total = lookup("#statementTotal").queryAs(Label.class).getText();
        assertThat(Long.parseLong(total.replaceAll("[^0-9].*", "").replace(",", ""))).isPositive();
        assertThat(context.statementLog().countFor("startup: migrate hr")).isPositive();
        assertThat(context.statementLog().countFor("startup: import org graph")).isPositive();

        interact(() -> {
            try {
                Snapshots.save(mainWindow().getScene(), "main-window");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @Order(2)
    void switchingTabsRunsNothingOnTheFxThread() {
        for (String tab : List.of("Migrations", "Org Chart", "Console", "Tables")) {
            clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
        }
        clickOn("Org Chart");
        Tab orgChart = lookup("#mainTabs").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> t.getId().equals("orgchartTab")).findFirst().orElseThrow();
        assertThat(from(orgChart.getContent()).lookup("#featureDetail").queryAs(Label.class).getText()).startsWith("Neo4j is up");
        assertThat(context.statementLog().counters().uiThreadStatements()).isZero();
    }

    private boolean postgresLabelStyled(String styleClass) {
        return lookup("#engine-postgresql").tryQueryAs(Label.class).map(l -> l.getStyleClass().contains(styleClass)).orElse(false);
    }

    /** Last: it kills the server the other tests use. */
    @Test
    @Order(3)
    void killingPostgresTurnsTheStatusRedWithTheReasonAndGreenAgainWithoutFreezingTheWindow() throws Exception {
        FxStallWatchdog duringLoss = new FxStallWatchdog();
        duringLoss.start();
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        // The status bar makes a new label for each state: look it up each time.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> postgresLabelStyled("pe-engine-lost"));
        WaitForAsyncUtils.waitForFxEvents(); // the rest of that status bar refresh
        assertThat(lookup("#engineProblem").queryAs(Label.class).getText())
                .contains("stopped unexpectedly").contains(Long.toString(pid));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> postgresLabelStyled("pe-engine-up"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#engineProblem").queryAs(Label.class).isVisible()).isFalse();

        FxStallWatchdog.Result stalls = duringLoss.stop();
        System.out.println("MainWindowTest, longest FX stall while PostgreSQL was lost and restarted: " + stalls.summary());
        assertThat(stalls.maxMs()).as("the window kept answering: " + stalls.summary()).isLessThan(2_000);
        assertThat(context.statementLog().counters().uiThreadStatements()).isZero();
    }
}
