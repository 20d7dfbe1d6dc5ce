package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.testsupport.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The guard that makes blocking the FX thread visible: a statement run on the JavaFX thread is
 * flagged by the capture layer (and counted by the log, and shown in the status bar), while the
 * same statement through the background runner is not. This test runs SQL on the FX thread on
 * purpose, to prove the guard fires.
 */
@ExtendWith(ApplicationExtension.class)
class UiThreadGuardTest extends FxRobot {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aStatementOnTheFxThreadIsFlaggedAndOneInTheBackgroundIsNot() throws Exception {
        List<CapturedStatement> seen = new CopyOnWriteArrayList<>();
        StatementListener listener = seen::add;
        TestEngines.sql().recorder().addListener(listener);
        try {
            interact(() -> runSelect("SELECT 'on the fx thread'"));
            FxBackgroundRunner runner = new FxBackgroundRunner(2);
            boolean[] done = new boolean[1];
            interact(() -> runner.run("test: background", p -> {
                runSelect("SELECT 'in the background'");
                return null;
            }, ok -> done[0] = true, error -> done[0] = true));
            org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> done[0]);
            runner.close();
        } finally {
            TestEngines.sql().recorder().removeListener(listener);
        }
        assertThat(seen).filteredOn(s -> s.text().contains("on the fx thread")).singleElement()
                .satisfies(s -> assertThat(s.onUiThread()).isTrue());
        assertThat(seen).filteredOn(s -> s.text().contains("in the background")).singleElement()
                .satisfies(s -> {
                    assertThat(s.onUiThread()).isFalse();
                    assertThat(s.action()).isEqualTo("test: background");
                });
    }

    private static void runSelect(String sql) {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
