package org.persistenceexplorer.ui.orgchart;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.persistenceexplorer.domain.graph.OrgMember;
import org.persistenceexplorer.testsupport.FxStallWatchdog;
import org.persistenceexplorer.testsupport.StallCounters;

/**
 * What the org chart benchmark measures on the FX toolkit (Monocle headless under the
 * benchmark profile): layout + first paint of a synthetic company, and the FX thread's longest
 * stall while a script opens and closes teams, pans and zooms. Public for the bench package.
 */
public final class OrgChartBench {

    private OrgChartBench() {
    }

    /** The median of {@code rounds} runs of: build the tree, lay it out, draw it, paint it; opened to the budget when {@code openAll}. */
    public static double layoutAndFirstPaintMs(int people, boolean openAll, int rounds) throws Exception {
        startToolkit();
        List<OrgMember> members = SyntheticOrg.of(people, 10);
        double[] times = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            times[r] = onFx(() -> {
                org.persistenceexplorer.testsupport.AppLook.apply();
                Stage stage = new Stage();
                OrgChartCanvas canvas = new OrgChartCanvas();
                // Monocle's headless screen is 1280x800: a larger window overflows its frame buffer
                stage.setScene(new Scene(canvas.node(), 1100, 700));
                stage.setX(0);
                stage.setY(0);
                stage.show();
                long start = System.nanoTime();
                ChartTree tree = new ChartTree(members, ChartTree.DEFAULT_BUDGET);
                if (openAll) {
                    for (long id = 1; id <= people && tree.visible().size() < ChartTree.DEFAULT_BUDGET; id++) {
                        if (tree.hasReports(id) && !tree.isExpanded(id) && tree.visible().contains(id)) {
                            tree.expand(id);
                        }
                    }
                    start = System.nanoTime(); // opening is the user's clicks; measure layout + paint of what is open
                }
                canvas.show(tree);
                canvas.fit();
                canvas.paintNow();
                double ms = (System.nanoTime() - start) / 1e6;
                canvas.close();
                stage.close();
                return ms;
            });
        }
        java.util.Arrays.sort(times);
        return times[rounds / 2];
    }

    /** How many people the chart draws after opening teams as far as the budget allows. */
    public static int drawnWhenOpened(int people) {
        ChartTree tree = new ChartTree(SyntheticOrg.of(people, 10), ChartTree.DEFAULT_BUDGET);
        for (long id = 1; id <= people && tree.visible().size() < ChartTree.DEFAULT_BUDGET; id++) {
            if (tree.hasReports(id) && !tree.isExpanded(id) && tree.visible().contains(id)) {
                tree.expand(id);
            }
        }
        return tree.visible().size();
    }

    /**
     * A scripted session at {@code people}: every 100 ms open or close a random team, pan or
     * zoom, for {@code seconds}; returns the watchdog's result and the most people drawn.
     */
    public static Stalls scriptedSession(int people, int seconds) throws Exception {
        startToolkit();
        List<OrgMember> members = SyntheticOrg.of(people, 10);
        OrgChartViewModel model = new OrgChartViewModel(List::of, new org.persistenceexplorer.ui.common.InlineBackgroundRunner(), null);
        OrgChartView view = new OrgChartView(model, null);
        Stage stage = onFx(() -> {
            org.persistenceexplorer.testsupport.AppLook.apply();
            Stage s = new Stage();
            s.setScene(new Scene(org.persistenceexplorer.ui.common.ViewLoader.load(view), 1200, 760));
            s.setX(0);
            s.setY(0);
            s.show();
            model.show(members);
            return s;
        });
        // Opening the chart is its own figure (orgchart.first_view_10k_ms); this one is about
        // using it, so the window's first frames are drawn before the watchdog starts.
        Thread.sleep(1_500);
        FxStallWatchdog watchdog = new FxStallWatchdog();
        watchdog.start();
        Random random = new Random(9);
        int[] most = {0};
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int step = 0;
        while (System.nanoTime() < end) {
            int kind = step++ % 4;
            int pick = random.nextInt(1 << 20);
            onFx(() -> {
                switch (kind) {
                    case 0, 1 -> {
                        // a team the user can see: a drawn person with reports
                        ChartTree tree = model.treeProperty().get();
                        List<Long> managers = tree.visible().stream().filter(tree::hasReports).toList();
                        if (!managers.isEmpty()) {
                            model.toggle(managers.get(pick % managers.size()));
                        }
                    }
                    case 2 -> view.canvas().pan(random.nextInt(200) - 100, random.nextInt(200) - 100);
                    default -> view.canvas().zoom(random.nextBoolean() ? 0.8 : 1.25);
                }
                most[0] = Math.max(most[0], view.canvas().drawnNodes());
                return null;
            });
            Thread.sleep(100);
        }
        FxStallWatchdog.Result result = watchdog.stop();
        onFx(() -> {
            view.close();
            stage.close();
            return null;
        });
        return new Stalls(result.maxMs(), result.summary(), most[0], step, result.longestStallTrace(), result.longestStall());
    }

    /** The stall figure and what the script did. */
    public record Stalls(long maxMs, String summary, int mostDrawn, int actions, String longestStallTrace,
            StallCounters.Breakdown longestStall) {
    }

    private static void startToolkit() throws InterruptedException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        try {
            started.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The FX toolkit did not start", e);
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(2, TimeUnit.MINUTES);
    }
}
