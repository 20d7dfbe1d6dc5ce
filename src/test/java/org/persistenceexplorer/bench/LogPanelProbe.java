package org.persistenceexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.ui.log.StatementLogViewModel;

/**
 * Scratch probe: the FX thread's CPU per log tick (refresh + the layout that follows) with bursts
 * of synthetic statements, no database. CPU time, not wall time: it holds on a loaded machine.
 */
public final class LogPanelProbe {
    public static void main(String[] args) throws Exception {
        int ticks = Integer.getInteger("probe.ticks", 150);
        int burst = Integer.getInteger("probe.burst", 700);
        StatementLog log = new StatementLog();
        BenchFx.startToolkit();
        Platform.setImplicitExit(false);
        StatementLogViewModel[] model = new StatementLogViewModel[1];
        long[] fxId = new long[1];
        BenchFx.onFx(() -> {
            fxId[0] = Thread.currentThread().getId();
            model[0] = new StatementLogViewModel(log);
            org.persistenceexplorer.testsupport.AppLook.apply();
            BorderPane root = new BorderPane(ViewLoader.load(new StatementLogView(model[0])));
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(LogPanelProbe.class.getResource("/css/explorer.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long seq = 0;
        long[] cpu = new long[ticks];
        long[] refreshCpu = new long[ticks];
        for (int t = -50; t < ticks; t++) {
            for (int i = 0; i < burst; i++) {
                seq++;
                String text = "select e1_0.department_id,e1_0.id,e1_0.email,e1_0.first_name,e1_0.last_name,e1_0.salary "
                        + "from hr.employee e1_0 where e1_0.department_id=?";
                log.statementCaptured(new CapturedStatement(seq, Instant.now(), Engine.POSTGRESQL, StatementKind.ofSql(text),
                        text, List.of(Long.toString(seq)), 120_000, 3, 1, "lab", false, null, "lab: run"));
            }
            long before = mx.getThreadCpuTime(fxId[0]);
            long[] r = new long[1];
            BenchFx.onFx(() -> {
                long a = mx.getCurrentThreadCpuTime();
                model[0].refresh();
                r[0] = mx.getCurrentThreadCpuTime() - a;
            });
            Thread.sleep(200); // the pulse's CSS + layout and the follower's scroll happen meanwhile
            long after = mx.getThreadCpuTime(fxId[0]);
            if (t >= 0) {
                cpu[t] = after - before;
                refreshCpu[t] = r[0];
            }
        }
        long[] sorted = cpu.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "FX CPU per tick of %d statements: p10 %.2f median %.2f ms, p90 %.2f ms, max %.2f ms (%d ticks)%n",
                burst, sorted[ticks / 10] / 1e6, sorted[ticks / 2] / 1e6, sorted[ticks * 9 / 10] / 1e6, sorted[ticks - 1] / 1e6, ticks);
        long[] rs = refreshCpu.clone();
        Arrays.sort(rs);
        System.out.printf(Locale.ROOT, "FX CPU in refresh alone: median %.2f ms%n", rs[ticks / 2] / 1e6);
        Platform.exit();
        System.exit(0);
    }
}
