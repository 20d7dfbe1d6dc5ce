package org.persistenceexplorer.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.service.migrations.TrackModels;
import org.persistenceexplorer.testsupport.FxStallWatchdog;
import org.persistenceexplorer.testsupport.StallCounters;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.migrations.MigrationsView;
import org.persistenceexplorer.ui.migrations.MigrationsViewModel;
import org.persistenceexplorer.ui.migrations.ModelChangesViewModel;

/**
 * The Migrations tab's scripted scenario in the real view, while {@link FxStallWatchdog} pulses
 * the FX thread: open blog, move it to its last version, read V3 (SQL, diff, diagram), move back
 * to version 1 with the undo scripts, open hr-copy, move it to 4, switch model v2 on,
 * autogenerate, take the rename, save and apply. Tracks in schemas of the benchmark's prefix.
 */
final class MigrationsStallScenario {

    private MigrationsStallScenario() {
    }

    /**
     * The scenario's longest stall and where it was.
     *
     * @param phases each phase's summary, in order
     */
    record Outcome(long maxMs, long pulses, String worstPhase, java.util.List<String> phases, String worstTrace, long fxCpuMs,
            StallCounters.Breakdown worstCause, long maxBusyMs, String busiestPhase) {
        /** -Dbench.migrations.stall=false (while working on the migrate ratio): no scenario, -1 ms. */
        static Outcome skipped() {
            return new Outcome(-1, 0, "skipped", java.util.List.of("skipped (-Dbench.migrations.stall=false)"), "", -1, null, -1, "skipped");
        }
    }

    /** Marks a phase in a flight recording ({@code -Dbench.jvm.args=-XX:StartFlightRecording=...}), so samples can be told apart by phase. */
    @jdk.jfr.Name("persistenceexplorer.MigrationsPhase")
    @jdk.jfr.Label("Migrations scenario phase")
    private static final class PhaseEvent extends jdk.jfr.Event {
        @jdk.jfr.Label("Phase")
        String phase;
    }

    /** How long a phase's watchdog keeps watching after the model is done: the frames that show its outcome. */
    private static final long SETTLE_MS = 300;

    /** A watchdog per phase, so the report says which step stalled. */
    private static final class Phases {
        private final java.util.List<String> lines = new java.util.ArrayList<>();
        private FxStallWatchdog current;
        private String name;
        private long max = -1;
        private long pulses;
        private String worst = "";
        private String worstTrace = "";
        private StallCounters.Breakdown worstCause;
        private long fxThread = -1;
        private long fxCpuAt;
        private long fxCpuMs;
        private long maxCpuInStall = -1;
        private String busiest = "";
        private PhaseEvent event;
        private javafx.scene.Scene scene;

        /** Nodes in the tab's scene: every pulse walks all of them (bounds), hidden tabs included. */
        private long sceneNodes() throws InterruptedException {
            long[] n = new long[1];
            onFx(() -> n[0] = count(scene.getRoot()));
            return n[0];
        }

        private static long count(javafx.scene.Node node) {
            long n = 1;
            if (node instanceof javafx.scene.Parent parent) {
                for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                    n += count(child);
                }
            }
            return n;
        }

        /** The FX thread's CPU time so far: what the phase asked of it, much less blurred by load than a stall. */
        private long fxCpuNanos() {
            return fxThread < 0 ? 0 : java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThread);
        }

        void next(String phase) throws InterruptedException {
            // The first phase starts after the new window's first frames (the window's opening is not
            // the scenario, as in ConsoleBenchmark); each later one after the frames that show the last
            // phase's outcome (the history's rows, the panes filled one per frame), so that work is
            // watched and counted in the phase that caused it. Before, the phase ended as soon as the
            // model was idle and the next watchdog started only after the scene's nodes were counted
            // on the FX thread: a long pulse in between (the first open's history rows) went unwatched
            // or landed in the next phase.
            Thread.sleep(current == null ? 500 : SETTLE_MS);
            stop();
            name = phase;
            fxCpuAt = fxCpuNanos();
            current = new FxStallWatchdog();
            current.start();
            if (Boolean.getBoolean("javafx.pulseLogger")) {
                System.out.println("[migrations phase] " + phase); // between the pulse logger's lines
            }
            event = new PhaseEvent();
            event.phase = phase;
            event.begin();
        }

        void stop() throws InterruptedException {
            if (current == null) {
                return;
            }
            FxStallWatchdog.Result r = current.stop();
            event.commit();
            long cpu = (fxCpuNanos() - fxCpuAt) / 1_000_000;
            fxCpuMs += cpu;
            lines.add(name + ": " + r.summary() + "; FX thread CPU " + cpu + " ms, the most in one stall " + r.maxBusyMs()
                    + " ms; " + sceneNodes() + " nodes in the scene after it");
            if (r.maxBusyMs() > maxCpuInStall) {
                maxCpuInStall = r.maxBusyMs();
                busiest = name;
            }
            pulses += r.pulses();
            if (r.maxMs() > max) {
                max = r.maxMs();
                worst = name;
                worstTrace = r.longestStallTrace();
                worstCause = r.longestStall();
            }
            current = null;
        }
    }

    static Outcome run(String prefix, Path drafts) throws Exception {
        BenchFx.startToolkit();
        MigrationTracks tracks = new MigrationTracks(() -> TestEngines.sql().database().dataSource(), prefix, drafts,
                TrackModels.BUNDLED);
        MigrationsViewModel[] holder = new MigrationsViewModel[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            holder[0] = new MigrationsViewModel(tracks, new FxBackgroundRunner(2));
            stage[0] = new Stage();
            Scene scene = new Scene(ViewLoader.load(new MigrationsView(holder[0])), 1280, 800);
            scene.getStylesheets().add(MigrationsStallScenario.class.getResource("/css/explorer.css").toExternalForm());
            stage[0].setScene(scene);
            stage[0].show();
        });
        MigrationsViewModel tab = holder[0];
        ModelChangesViewModel page = tab.modelChanges();
        Phases watch = new Phases();
        long[] fx = new long[1];
        onFx(() -> fx[0] = Thread.currentThread().getId());
        watch.fxThread = fx[0];
        watch.scene = stage[0].getScene();
        watch.next("open blog");
        onFx(() -> tab.openTrack("blog"));
        await(() -> !tab.busyProperty().get() && tab.timelineProperty().get() != null);
        watch.next("move blog to 4");
        move(tab, "4");
        watch.next("read V3");
        onFx(() -> tab.selectedVersionProperty().set("3"));
        Thread.sleep(500); // the diagram laid out in the background and drawn
        watch.next("move blog back to 1");
        move(tab, "1");
        watch.next("open hr-copy");
        onFx(() -> tab.openTrack(TrackModels.copyOf("hr")));
        await(() -> !tab.busyProperty().get() && tab.timelineProperty().get().name().equals(TrackModels.copyOf("hr")));
        watch.next("move hr-copy to 4");
        move(tab, "4");
        watch.next("model v2 on");
        onFx(() -> page.changedModelProperty().set(true));
        await(() -> Boolean.FALSE.equals(page.matchesProperty().get()));
        watch.next("autogenerate");
        onFx(page::generate);
        await(() -> !page.renames().isEmpty());
        watch.next("rename, save and apply");
        onFx(() -> page.useRename(page.renames().get(0)));
        onFx(tab::saveAndApply);
        await(() -> !tab.busyProperty().get() && "5".equals(tab.timelineProperty().get().currentVersion()));
        await(() -> Boolean.TRUE.equals(page.matchesProperty().get()));
        Thread.sleep(300);
        watch.stop();
        onFx(() -> stage[0].close());
        return new Outcome(watch.max, watch.pulses, watch.worst, watch.lines, watch.worstTrace, watch.fxCpuMs, watch.worstCause,
                watch.maxCpuInStall, watch.busiest);
    }

    private static void move(MigrationsViewModel tab, String version) throws Exception {
        onFx(() -> {
            tab.targetProperty().set(version);
            tab.moveToTarget();
        });
        await(() -> !tab.busyProperty().get() && version.equals(tab.timelineProperty().get().currentVersion()));
    }

    private static void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        Thread.sleep(20);
        while (System.nanoTime() < deadline) {
            boolean[] done = new boolean[1];
            onFx(() -> done[0] = condition.getAsBoolean());
            if (done[0]) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the Migrations tab did not get there within 180 s");
    }

    private static void onFx(Runnable action) throws InterruptedException {
        BenchFx.onFx(action);
    }
}
