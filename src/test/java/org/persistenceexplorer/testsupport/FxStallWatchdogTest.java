package org.persistenceexplorer.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The watchdog against a real (headless) FX thread: a blocked thread shows as a long stall, an
 * idle one does not. The only timing checks are a lower bound that the blockage guarantees and
 * a ceiling far above what an idle thread needs.
 */
class FxStallWatchdogTest {

    private static final long BLOCK_MS = 300;

    @BeforeAll
    static void startTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aBlockedFxThreadShowsAsAStallAtLeastAsLongAsTheBlock() throws Exception {
        FxStallWatchdog.Result result = stallWith(() -> sleep(BLOCK_MS));

        assertThat(result.maxMs()).as(result.summary()).isGreaterThanOrEqualTo(BLOCK_MS - 50);
        assertThat(result.histogram()).extracting(FxStallWatchdog.Bucket::label)
                .containsExactly("<16 ms", "<50 ms", "<100 ms", "<250 ms", "<500 ms", "<1000 ms", "<2000 ms", ">=2000 ms");
        assertThat(result.histogram().stream().mapToLong(FxStallWatchdog.Bucket::count).sum()).isEqualTo(result.pulses());
        assertThat(result.histogram().get(4).count() + result.histogram().get(5).count()
                + result.histogram().get(6).count() + result.histogram().get(7).count()).isPositive();
        assertThat(result.longestStallTrace()).contains("java.lang.Thread.sleep").contains(FxStallWatchdogTest.class.getName());
        // Asleep is not at work: the breakdown says the FX thread waited.
        assertThat(result.longestStall().wallMs()).isEqualTo(result.maxMs());
        assertThat(result.longestStall().fxCpuMs()).as(result.longestStallCause()).isBetween(0L, BLOCK_MS / 2);
        assertThat(result.summary()).contains("longest stall " + result.maxMs() + " ms: FX thread on CPU ");
    }

    @Test
    void aBusyFxThreadShowsItsOwnCpuAndItsWaitForACoreInTheLongestStall() throws Exception {
        // More spinning threads than cores: the FX thread has to wait for a core some of the time.
        AtomicBoolean compete = new AtomicBoolean(true);
        List<Thread> competitors = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() + 1; i++) {
            Thread competitor = new Thread(() -> {
                while (compete.get()) {
                    Thread.onSpinWait();
                }
            });
            competitor.setDaemon(true);
            competitor.start();
            competitors.add(competitor);
        }
        FxStallWatchdog.Result result;
        try {
            // Work by CPU time, not wall time: on a loaded machine the spin may take longer but its CPU is fixed.
            result = stallWith(() -> {
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart < TimeUnit.MILLISECONDS.toNanos(BLOCK_MS)) {
                    Thread.onSpinWait();
                }
            });
        } finally {
            compete.set(false);
            for (Thread competitor : competitors) {
                competitor.join();
            }
        }

        assertThat(result.longestStall().fxCpuMs()).as(result.longestStallCause()).isGreaterThanOrEqualTo(BLOCK_MS - 20);
        assertThat(result.longestStall().jvmCpuMs()).as(result.longestStallCause()).isGreaterThanOrEqualTo(BLOCK_MS - 20);
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(result.longestStall().fxRunQueueMs()).as(result.longestStallCause()).isPositive();
        }
    }

    @Test
    void aGarbageCollectionInsideTheStallIsCounted() throws Exception {
        FxStallWatchdog.Result result = stallWith(() -> {
            // Live data makes each full collection take measurable milliseconds.
            List<long[]> live = new ArrayList<>();
            for (int i = 0; i < 200_000; i++) {
                live.add(new long[32]);
            }
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            Reference.reachabilityFence(live);
        });

        assertThat(result.longestStall().gcPauseMs()).as(result.longestStallCause()).isPositive();
    }

    /**
     * Runs {@code block} on the FX thread while the watchdog pulses, and returns what it saw. A
     * pulse waiting while the block runs is queued behind it: the block starts only once one
     * waits, so that wait covers the whole block even if the watchdog's thread is late on a busy
     * machine.
     */
    private static FxStallWatchdog.Result stallWith(Runnable block) throws Exception {
        FxStallWatchdog watchdog = new FxStallWatchdog();
        watchdog.start();
        awaitPulses(watchdog, 2); // the watchdog has met the FX thread, so it can sample its stack
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!watchdog.pulseWaiting() && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            try {
                block.run();
            } finally {
                done.countDown();
            }
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        awaitPulses(watchdog, 5);
        return watchdog.stop();
    }

    @Test
    void anIdleFxThreadShowsNoLongStall() throws Exception {
        FxStallWatchdog watchdog = new FxStallWatchdog();
        watchdog.start();
        awaitPulses(watchdog, 40);

        FxStallWatchdog.Result result = watchdog.stop();

        assertThat(result.pulses()).isGreaterThanOrEqualTo(40);
        assertThat(result.maxMs()).as(result.summary()).isLessThan(200);
        assertThat(result.summary()).startsWith("max ").contains("pulses; <16 ms: ");
    }

    private static void awaitPulses(FxStallWatchdog watchdog, long atLeast) throws InterruptedException {
        long start = watchdog.pulsesPosted();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (watchdog.pulsesPosted() - start < atLeast && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
