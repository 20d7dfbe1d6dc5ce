package org.persistenceexplorer.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.engine.PoolStatus;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A narrow status bar gives way in order: the per-kind counts go short, then away; engines,
 * the total, the pool and the background task keep their whole text, and the bar's tooltip
 * has everything.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest extends FxRobot {

    private final StatementLog log = new StatementLog(1000);
    private StatusBarViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // What a start leaves: SELECT 37  INSERT 12  DDL 14  TX 20  OTHER 10  WRITE 2  SCHEMA 2
        StatementKind[] kinds = {StatementKind.SELECT, StatementKind.INSERT, StatementKind.DDL, StatementKind.TX,
            StatementKind.OTHER, StatementKind.CYPHER_WRITE, StatementKind.CYPHER_SCHEMA};
        int[] counts = {37, 12, 14, 20, 10, 2, 2};
        long sequence = 0;
        for (int k = 0; k < kinds.length; k++) {
            StatementKind kind = kinds[k];
            for (int i = 0; i < counts[k]; i++) {
                log.statementCaptured(new CapturedStatement(++sequence, Instant.now(), kind.engine(), kind, "x",
                        List.of(), 1, 1, 1, "w", false, null, "a"));
            }
        }
        InlineBackgroundRunner runner = InlineBackgroundRunner.deferred();
        runner.task("org chart: import the org graph", p -> null).start();
        model = new StatusBarViewModel(() -> List.of(
                new EngineStatus(Engine.POSTGRESQL, EngineStatus.State.UP, "localhost:46165", true, ""),
                new EngineStatus(Engine.NEO4J, EngineStatus.State.UP, "127.0.0.1:42597", true, "")),
                () -> new PoolStatus(1, 2, 0, 3, 6), log, runner, p -> null);
        Scene scene = new Scene(ViewLoader.load(new StatusBarView(model)), 1900, 40);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    private void width(double width) {
        interact(() -> stage.setWidth(width));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> { });
    }

    private static boolean whole(Label label) {
        return label.getWidth() >= label.prefWidth(-1) - 0.5;
    }

    @Test
    void wideTheBarShowsEverythingInFull() {
        width(1900);
        assertThat(lookup("#statementKinds").queryAs(Label.class).getText()).isEqualTo(model.perKindProperty().get());
    }

    @Test
    void narrowTheCountsGoShortAndTheRestStaysWhole() {
        for (double width : new double[] {1280, 1024}) {
            width(width);
            Label kinds = lookup("#statementKinds").queryAs(Label.class);
            String compact = CompactKinds.of(model.perKindProperty().get());
            assertThat(kinds.getText()).as("at %s px", width).satisfiesAnyOf(
                    text -> assertThat(text).isIn(model.perKindProperty().get(), compact, ""),
                    text -> assertThat(text).endsWith(" …").satisfies(t -> assertThat(compact).startsWith(t.substring(0, t.length() - 2))));
            javafx.scene.text.Text shown = (javafx.scene.text.Text) kinds.lookup(".text");
            assertThat(shown == null ? "" : shown.getText()).as("what is shown is not cut").isEqualTo(kinds.getText());
            for (String id : List.of("#statementTotal", "#poolStatus", "#backgroundWork", "#engine-postgresql", "#engine-neo4j")) {
                assertThat(whole(lookup(id).queryAs(Label.class))).as("%s whole at %s px", id, width).isTrue();
            }
        }
        Tooltip everything = (Tooltip) lookup("#statusBar").queryAs(HBox.class).getProperties().get("javafx.scene.control.Tooltip");
        assertThat(everything.getText()).contains(model.perKindProperty().get(), model.totalProperty().get(),
                "org chart: import the org graph", model.poolProperty().get());
    }

    @Test
    void atProjectorScaleTheBarFits1280PxAndTheVerdictIsShownWhole() throws Exception {
        org.persistenceexplorer.service.log.LogVerdicts verdicts = new org.persistenceexplorer.service.log.LogVerdicts(log, () -> null);
        verdicts.report(new org.persistenceexplorer.service.log.Verdict(org.persistenceexplorer.service.log.Verdict.Kind.UNUSED_EAGER_LOAD,
                "lab: unused eager load", "Department.employees", 10_000, "remove the fetch", "lab.department"));
        verdicts.report(new org.persistenceexplorer.service.log.Verdict(org.persistenceexplorer.service.log.Verdict.Kind.N_PLUS_ONE,
                "lab: departments -> employees · lazy (N=10000)", "Department.employees", 10_000, "join fetch", "lab.employee"));
        VerdictViewModel verdictModel = new VerdictViewModel(verdicts, v -> { });
        interact(() -> {
            Scene scene = new Scene(ViewLoader.load(new StatusBarView(model, null, verdictModel)), 1280, 200);
            scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
            scene.getStylesheets().add(getClass().getResource(org.persistenceexplorer.ui.common.DisplayMode.PROJECTOR_STYLESHEET).toExternalForm());
            scene.getRoot().setStyle("-fx-font-size: 26px;"); // 2x, as projector mode sets it
            stage.setScene(scene);
            model.refresh();
            verdictModel.refresh();
        });
        width(1280);

        HBox bar = lookup("#statusBar").queryAs(HBox.class);
        Label verdict = lookup("#logVerdict").queryAs(Label.class);
        double barMin = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> bar.minWidth(-1)).get();
        assertThat(barMin).as("the bar's narrowest").isLessThanOrEqualTo(1280);
        assertThat(verdict.getText()).contains("N+1: Department.employees x10000", "(+1 more)");
        javafx.scene.text.Text shown = (javafx.scene.text.Text) verdict.lookup(".text");
        assertThat(shown.getText()).as("the verdict is not elided").isEqualTo(verdict.getText());
        javafx.geometry.Bounds inScene = verdict.localToScene(verdict.getBoundsInLocal());
        assertThat(inScene.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(inScene.getMaxX()).as("the verdict ends inside the window").isLessThanOrEqualTo(1280);
        assertThat(lookup("#dismissVerdict").query().localToScene(lookup("#dismissVerdict").query().getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(1280);
        Label total = lookup("#statementTotal").queryAs(Label.class);
        assertThat(whole(total)).as("the total whole").isTrue();
        Label neo4j = lookup("#engine-neo4j").queryAs(Label.class);
        assertThat(neo4j.localToScene(neo4j.getBoundsInLocal()).getMaxX()).as("the engines end before the total starts")
                .isLessThanOrEqualTo(total.localToScene(total.getBoundsInLocal()).getMinX());
        for (String id : List.of("#engine-postgresql", "#engine-neo4j")) {
            Label label = lookup(id).queryAs(Label.class);
            javafx.scene.text.Text engineShown = (javafx.scene.text.Text) label.lookup(".text");
            assertThat(engineShown.getText()).as("%s: engine and state stay, the address may give way", id)
                    .startsWith(label.getText().substring(0, label.getText().indexOf(" · ")));
            assertThat(label.localToScene(label.getBoundsInLocal()).getMaxX()).as("%s inside the window", id).isLessThanOrEqualTo(1280);
        }
    }

    @Test
    void theShortFormKeepsEveryCount() {
        assertThat(CompactKinds.of("SELECT 1,234  INSERT 12  TX 20  READ 3  SCHEMA 1")).isEqualTo("SEL 1,234 INS 12 TX 20 RD 3 SCH 1");
    }
}
