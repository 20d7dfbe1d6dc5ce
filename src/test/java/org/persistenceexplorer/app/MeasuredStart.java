package org.persistenceexplorer.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.persistenceexplorer.service.engine.EngineSettings;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.testsupport.FxStallWatchdog;

/**
 * The real app started once for the startup benchmark, in a JVM of its own so that a cold start
 * is really cold: runs {@link ExplorerApp} on the data folder given as the only argument, with an
 * {@link FxStallWatchdog} from the first moment, and a probe thread that polls (off the FX
 * thread) for the main window and for every engine up. Then it prints one line
 * <pre>PE-BENCH window_ms=... all_up_ms=... max_stall_ms=... pulses=...</pre>
 * (times since this JVM started), a {@code PE-BENCH-STALLS <summary>} line and the FX thread's
 * stack during the longest stall ({@code PE-BENCH-TRACE at ...} lines), stops the engines
 * and exits: 0 when everything came up, 1 otherwise. A test-classpath main class, not a test.
 */
public final class MeasuredStart {

    public static final String LINE = "PE-BENCH ";
    public static final String STALLS_LINE = "PE-BENCH-STALLS ";
    public static final String TRACE_LINE = "PE-BENCH-TRACE ";
    private static final long GIVE_UP_MS = 170_000;
    private static final long POLL_MS = 10;

    private MeasuredStart() {
    }

    public static void main(String[] args) {
        FxStallWatchdog watchdog = new FxStallWatchdog();
        watchdog.start();
        AppContext context = new AppContext(new EngineSettings(Path.of(args[0]), null, null, null, null, null, null),
                RootPolicy.detect());
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "pe-stop-engines"));
        Thread probe = new Thread(() -> measure(context, watchdog), "pe-bench-probe");
        probe.setDaemon(true);
        probe.start();
        ExplorerApp.prepare(context);
        Application.launch(ExplorerApp.class);
    }

    private static void measure(AppContext context, FxStallWatchdog watchdog) {
        long windowMs = -1;
        long allUpMs = -1;
        int exitCode = 1;
        try {
            while ((windowMs < 0 || allUpMs < 0) && sinceJvmStart() < GIVE_UP_MS) {
                if (windowMs < 0) {
                    windowMs = mainWindowOpenSince();
                }
                if (allUpMs < 0 && context.statuses().stream().allMatch(EngineStatus::up)) {
                    allUpMs = sinceJvmStart();
                }
                if (context.statuses().stream().anyMatch(s -> s.state() == EngineStatus.State.FAILED)) {
                    System.out.println("PE-BENCH-FAILED " + context.statuses());
                    break;
                }
                Thread.sleep(POLL_MS);
            }
            FxStallWatchdog.Result stalls = watchdog.stop();
            System.out.println(LINE + String.format(Locale.ROOT, "window_ms=%d all_up_ms=%d max_stall_ms=%d pulses=%d",
                    windowMs, allUpMs, stalls.maxMs(), stalls.pulses()));
            System.out.println(STALLS_LINE + stalls.summary());
            stalls.longestStallTrace().lines().forEach(frame -> System.out.println(TRACE_LINE + frame));
            exitCode = windowMs >= 0 && allUpMs >= 0 ? 0 : 1;
        } catch (Exception e) {
            System.out.println("PE-BENCH-FAILED " + e);
        } finally {
            System.out.flush();
            context.close();
            Platform.exit();
            // Neo4j's network threads are not daemons.
            System.exit(exitCode);
        }
    }

    /** Milliseconds since JVM start at which the FX thread found the main window showing, or -1. */
    private static long mainWindowOpenSince() throws Exception {
        CompletableFuture<Long> seen = new CompletableFuture<>();
        try {
            Platform.runLater(() -> seen.complete(Window.getWindows().stream().anyMatch(w -> w instanceof Stage s
                    && s.isShowing() && "Persistence Explorer".equals(s.getTitle())) ? sinceJvmStart() : -1L));
        } catch (IllegalStateException toolkitNotRunningYet) {
            return -1;
        }
        return seen.get(GIVE_UP_MS, TimeUnit.MILLISECONDS);
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
