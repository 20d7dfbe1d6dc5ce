package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.testsupport.TestEngines;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's runner against the real PostgreSQL: cancel stops the statement on the server,
 * a newer request supersedes (and cancels) the older one, progress and callbacks arrive on the
 * FX thread, lanes keep one thread, and close stops everything.
 */
class FxBackgroundRunnerTest {

    private static DataSource sql;
    private final FxBackgroundRunner runner = new FxBackgroundRunner(2);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkitAndDatabase() throws Exception {
        FxToolkit.registerPrimaryStage();
        sql = TestEngines.sql().database().dataSource();
    }

    @AfterEach
    void closeRunner() {
        onFx(runner::close);
    }

    @Test
    void cancelStopsTheRunningStatementOnTheServerAndDropsTheResult() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        AtomicReference<RunningTask> task = new AtomicReference<>();
        long started = System.nanoTime();
        onFx(() -> task.set(runner.task("test: long query", p -> sleepOnServer(30, sleeping))
                .onSuccess(r -> events.add("success")).onFailure(e -> events.add("failure"))
                .onCancelled(() -> events.add("cancelled " + Platform.isFxApplicationThread())).start()));
        assertThat(sleeping.await(30, TimeUnit.SECONDS)).isTrue();
        awaitRunningOnServer("pg_sleep(30)");

        onFx(() -> task.get().cancel());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !events.isEmpty());
        assertThat(events).containsExactly("cancelled true");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("stopped well before 30 s").isLessThan(25);
        assertThat(runningOnServer("pg_sleep(30)")).isZero();
    }

    @Test
    void aNewerRequestCancelsTheOlderOnTheServerAndOnlyTheNewerResultArrives() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        onFx(() -> runner.task("test: page 1", p -> sleepOnServer(30, sleeping)).replacing("page")
                .onSuccess(r -> events.add("page 1")).onFailure(e -> events.add("failed 1")).start());
        assertThat(sleeping.await(30, TimeUnit.SECONDS)).isTrue();
        awaitRunningOnServer("pg_sleep(30)");

        onFx(() -> runner.task("test: page 2", p -> "page 2").replacing("page").onSuccess(events::add).start());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> events.contains("page 2") && runningOnServer("pg_sleep(30)") == 0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFxGet(() -> runner.running().isEmpty()));
        assertThat(events).containsExactly("page 2");
    }

    @Test
    void progressAndCallbacksArriveOnTheFxThread() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        AtomicReference<RunningTask> task = new AtomicReference<>();
        onFx(() -> {
            RunningTask t = runner.task("test: steps", p -> {
                for (int i = 1; i <= 3; i++) {
                    p.update(i / 3.0, "step " + i);
                }
                return "done";
            }).onSuccess(r -> events.add(r + " " + Platform.isFxApplicationThread())).start();
            t.messageProperty().addListener((obs, old, now) -> progress.add(now + " " + Platform.isFxApplicationThread()));
            task.set(t);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !events.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events).containsExactly("done true");
        assertThat(progress).isNotEmpty().allMatch(line -> line.endsWith(" true"));
        assertThat(task.get().messageProperty().get()).as("coalesced, but the last update always lands").isEqualTo("step 3");
    }

    @Test
    void aLaneRunsEveryTaskOnOneThreadInOrder() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        SessionLane lane = runner.lane("session");
        onFx(() -> {
            for (int i = 0; i < 5; i++) {
                int n = i;
                runner.task("test: click " + n, p -> Thread.currentThread().getName()).on(lane)
                        .onSuccess(name -> threads.add(n + " " + name)).start();
            }
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> threads.size() == 5);
        assertThat(threads).extracting(t -> t.substring(0, 1)).containsExactly("0", "1", "2", "3", "4");
        assertThat(threads).extracting(t -> t.substring(2)).containsOnly(threads.get(0).substring(2));
        lane.close();
    }

    @Test
    void closeCancelsWhatStillRunsOnTheServer() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        onFx(() -> runner.task("test: at close", p -> sleepOnServer(30, sleeping))
                .onSuccess(r -> events.add("success")).onFailure(e -> events.add("failure")).start());
        assertThat(sleeping.await(30, TimeUnit.SECONDS)).isTrue();
        awaitRunningOnServer("pg_sleep(30)");

        onFx(runner::close);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runningOnServer("pg_sleep(30)") == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events).isEmpty();
    }

    private static String sleepOnServer(int seconds, CountDownLatch started) throws Exception {
        try (Connection c = sql.getConnection(); Statement s = c.createStatement()) {
            started.countDown();
            s.execute("SELECT pg_sleep(" + seconds + ")");
            return "slept";
        }
    }

    private static void awaitRunningOnServer(String fragment) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runningOnServer(fragment) > 0);
    }

    private static int runningOnServer(String fragment) {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%"
                     + fragment.replace("'", "''") + "%' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void onFx(Runnable action) {
        try {
            FxToolkit.setupFixture(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> action) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            try {
                value.set(action.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return value.get();
    }
}
