package org.persistenceexplorer.ui.txlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.txlab.AnomalyTests;
import org.persistenceexplorer.service.txlab.Isolation;
import org.persistenceexplorer.service.txlab.TransactionsLab;
import org.persistenceexplorer.testsupport.Snapshots;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.UiScale;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.common.WindowSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lab as a user sees it at 1280x800, on the real PostgreSQL with the app's background
 * runner: P4 stepped at READ COMMITTED (B waits for A, the increment is lost), the same at
 * REPEATABLE READ (40001 and the retry), the whole matrix agreeing with Hermitage, a failing
 * checkout with the stock unchanged, the pool exhausted. Writes each as a screenshot under
 * target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TxLabViewTest extends FxRobot {

    static {
        // The first FX start of a JVM on a loaded 2-core machine took longer than TestFX's default 30 s.
        if (System.getProperty("testfx.setup.timeout") == null) {
            System.setProperty("testfx.setup.timeout", "120000");
        }
    }

    private static final Preferences SETTINGS = Preferences.userRoot().node("org/persistenceexplorer/test/txlabview");
    private static OrmSessions orm;
    private static TransactionsLab lab;
    private static FxBackgroundRunner runner;
    private TxLabViewModel model;
    private Scene scene;

    @BeforeAll
    static void openLab() throws Exception {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        lab = TestLabs.lab(orm, "txlab_view");
        lab.open();
        lab.shop().reset();
        runner = new FxBackgroundRunner(4);
    }

    @AfterAll
    static void close() throws Exception {
        lab.shop().reset();
        lab.close();
        runner.close();
        orm.close();
        SETTINGS.removeNode();
    }

    @Start
    void start(Stage stage) {
        model = new TxLabViewModel(runner, lab);
        scene = new Scene(ViewLoader.load(new TxLabView(model)), 1280, 800);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        scene.getRoot().getStylesheets().add(getClass().getResource(TxLabFeature.STYLESHEET).toExternalForm());
        UiScale scale = new UiScale(new WindowSettings(SETTINGS.node("window")));
        scale.reset();
        scale.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        model.open();
    }

    private <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> model.readyProperty().get() && !model.busyProperty().get()));
        interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(String name) {
        interact(() -> {
            try {
                Snapshots.save(scene, name);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void page(int index) {
        interact(() -> lookup(".pe-txlab-pages").queryAs(TabPane.class).getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @Order(1)
    void aLostUpdateSteppedAtReadCommittedThenPreventedAtRepeatableReadWithARetry() throws Exception {
        awaitIdle();
        interact(() -> {
            model.scriptProperty().set(AnomalyTests.byId("P4"));
            model.levelProperty().set(Isolation.READ_COMMITTED);
        });
        for (int i = 0; i < 8; i++) {
            clickOn("#txlabStep");
            awaitIdle();
            if (i == 5) {
                assertThat(onFx(() -> lookup("#txlabStateB").queryAs(Label.class).getText())).isEqualTo("WAITING for A (lock)");
                snapshot("txlab-p4-read-committed-waiting");
            }
        }
        assertThat(onFx(() -> lookup("#txlabVerdict").queryAs(Label.class).getText())).startsWith("P4 at READ COMMITTED: OCCURS");
        snapshot("txlab-p4-read-committed");

        interact(() -> model.levelProperty().set(Isolation.REPEATABLE_READ));
        clickOn("#txlabRun");
        awaitIdle();
        assertThat(onFx(() -> lookup("#txlabVerdict").queryAs(Label.class).getText()))
                .contains("aborted with 40001").contains("retried once: committed");
        snapshot("txlab-p4-repeatable-read");
    }

    @Test
    @Order(2)
    void theWholeMatrixAgreesWithHermitage() throws Exception {
        awaitIdle();
        page(1);
        clickOn("#txlabMatrix");
        awaitIdle();
        assertThat(onFx(() -> model.matrix().size())).isEqualTo(AnomalyTests.ALL.size() * Isolation.values().length);
        assertThat(onFx(() -> model.matrix().values().stream().allMatch(c -> c.agrees()))).isTrue();
        assertThat(onFx(() -> lookup(".pe-txlab-cell-differs").queryAll().size())).isZero();
        snapshot("txlab-matrix");
        interact(() -> {
            try {
                javafx.scene.Node grid = lookup("#txlabMatrixGrid").query();
                javafx.scene.image.WritableImage image = grid.snapshot(null, null);
                java.awt.image.BufferedImage png = new java.awt.image.BufferedImage((int) image.getWidth(),
                        (int) image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < png.getHeight(); y++) {
                    for (int x = 0; x < png.getWidth(); x++) {
                        png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
                    }
                }
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
                javax.imageio.ImageIO.write(png, "png", java.nio.file.Path.of("target", "screenshots", "txlab-matrix-grid.png").toFile());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @Order(3)
    void aFailingCheckoutLeavesTheStockUnchanged() throws Exception {
        awaitIdle();
        page(2);
        interact(() -> {
            model.paymentFailsProperty().set(true);
            model.booksProperty().set(1);
        });
        clickOn("#txlabCheckout");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> model.lessonProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> lookup("#txlabLessonMessage").queryAs(Label.class).getText()))
                .contains("Rolled back").contains("nothing changed");
        snapshot("txlab-checkout-rolled-back");
    }

    @Test
    @Order(4)
    void anExhaustedPoolSaysSoAfterItsTimeout() throws Exception {
        awaitIdle();
        page(0);
        interact(model::reset);
        awaitIdle();
        interact(() -> model.runIn("A", "begin"));
        interact(() -> model.runIn("B", "begin"));
        awaitIdle();
        clickOn("#txlabExhaust");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> model.poolMessageProperty().get().contains("refused")));
        interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("txlab-pool-exhausted");
        interact(model::reset);
        awaitIdle();
    }
}
