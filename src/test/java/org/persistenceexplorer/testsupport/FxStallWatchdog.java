package org.persistenceexplorer.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX thread keeps the user waiting: while running, a daemon thread
 * posts a pulse with {@link Platform#runLater} every {@value #PERIOD_MS} ms (only one pulse
 * outstanding at a time) and records the gap between posting and running. The longest gap is
 * the longest stall a click would have seen. For tests and the benchmark, never for assertions
 * on tight timings.
 *
 * <p>Thread-safe: {@link #start()} and {@link #stop()} may be called from any thread, once each.
 * The toolkit need not run yet at {@code start()}: pulses begin once it does, so a launcher can
 * start the watchdog before {@code Application.launch}.
 */
public final class FxStallWatchdog {

    static final long PERIOD_MS = 5;
    /** Upper bounds (exclusive) of the histogram buckets; a last bucket takes the rest. */
    static final long[] BUCKET_LIMITS_MS = {16, 50, 100, 250, 500, 1_000, 2_000};
    /** A pulse waiting this long gets the FX thread's stack sampled, again at every doubling. */
    static final long FIRST_SAMPLE_MS = Long.getLong("pe.stall.firstSampleMs", 100);
    private static final int TRACE_FRAMES = 24;
    private static final int RENDER_TRACE_FRAMES = 12;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pe-fx-stall-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final long[] bucketCounts = new long[BUCKET_LIMITS_MS.length + 1];
    private final AtomicLong posted = new AtomicLong();
    /** System.nanoTime() of the pulse waiting for the FX thread, or 0 when none is. */
    private long outstandingSince;
    private long maxNanos;
    private long measured;
    private boolean stopped;
    private volatile Thread fxThread = lastFxThread;
    /** The FX thread as the last watchdog saw it (one toolkit per JVM): a new watchdog knows it before its first pulse runs. */
    private static volatile Thread lastFxThread;
    /** Age at which the waiting pulse gets its next stack sample, and its latest sample. */
    private long nextSampleNanos;
    private String outstandingTrace = "";
    private String longestTrace = "";
    /** Where stalls go: counters at the waiting pulse's posting, and the longest stall's figures. */
    private final StallCounters counters = new StallCounters();
    private StallCounters.Snapshot outstandingStart;
    private volatile Thread renderThread;
    private long renderLookups;
    /** A new longest stall whose after-snapshot is still to take (on the watchdog's next tick). */
    private long pendingWallNanos;
    private StallCounters.Snapshot pendingStart;
    private long[] pendingFxEnd;
    private StallCounters.Breakdown longestBreakdown;
    /** The most FX-thread CPU spent while any one pulse waited (-1: not measured yet). */
    private long maxBusyNanos = -1;

    /** Begins pulsing; returns at once. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::pulse, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops pulsing and returns what was seen. A pulse still waiting counts with its wait so
     * far: a stall that lasts until the end is a stall too.
     */
    public Result stop() {
        scheduler.shutdownNow();
        synchronized (this) {
            stopped = true;
            if (outstandingSince != 0) {
                StallCounters.Snapshot now = counters.read(fxThread, renderThread);
                record(System.nanoTime() - outstandingSince, new long[] {now.fxCpuNanos(), now.gcMillis()});
                outstandingSince = 0;
            }
            completeLongest();
            return result();
        }
    }

    /** Pulses handed to the FX thread so far. */
    long pulsesPosted() {
        return posted.get();
    }

    /** True while a pulse waits for the FX thread; lets a test block it with a pulse behind. */
    synchronized boolean pulseWaiting() {
        return outstandingSince != 0;
    }

    private void pulse() {
        long postedAt;
        synchronized (this) {
            if (stopped) {
                return;
            }
            completeLongest();
            if (outstandingSince != 0) {
                sampleIfDue();
                return;
            }
            postedAt = System.nanoTime();
            outstandingSince = postedAt;
            nextSampleNanos = TimeUnit.MILLISECONDS.toNanos(FIRST_SAMPLE_MS);
            outstandingTrace = "";
            findRenderThread();
            outstandingStart = counters.read(fxThread, renderThread);
        }
        try {
            Platform.runLater(() -> arrived(postedAt));
            posted.incrementAndGet();
        } catch (IllegalStateException toolkitNotRunningYet) {
            synchronized (this) {
                outstandingSince = 0;
            }
        }
    }

    /**
     * What the FX thread is doing while a pulse waits, so a long stall can be traced to its
     * cause. Sampled at growing ages (100, 200, 400 ms, ...): the latest sample is what held the
     * thread longest, and a long stall costs only a few samples (each one a safepoint).
     */
    private void sampleIfDue() {
        Thread thread = fxThread;
        if (thread == null) {
            // The first pulse may wait behind the very work being measured, before any pulse ran:
            // find the FX thread by its name instead of leaving that stall without a trace.
            thread = named("JavaFX Application Thread");
            fxThread = thread;
        }
        if (thread == null || System.nanoTime() - outstandingSince < nextSampleNanos) {
            return;
        }
        nextSampleNanos *= 2;
        StringBuilder trace = new StringBuilder();
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < Math.min(TRACE_FRAMES, frames.length); i++) {
            trace.append("at ").append(frames[i]).append('\n');
        }
        // The FX thread often waits for the render thread to finish the previous frame
        // (PaintCollector.waitForRenderingToComplete): then the render thread holds the cause.
        Thread renderer = renderThread();
        if (renderer != null) {
            trace.append("render thread ").append(renderer.getName()).append(":\n");
            StackTraceElement[] renderFrames = renderer.getStackTrace();
            for (int i = 0; i < Math.min(RENDER_TRACE_FRAMES, renderFrames.length); i++) {
                trace.append("at ").append(renderFrames[i]).append('\n');
            }
        }
        outstandingTrace = trace.toString();
    }

    private Thread renderThread() {
        findRenderThread();
        return renderThread;
    }

    /** The render thread starts with the toolkit: look for it until found, at most every 200 pulses. */
    private void findRenderThread() {
        if (renderThread == null && renderLookups++ % 200 == 0) {
            renderThread = named("QuantumRenderer");
        }
    }

    /** A thread by name prefix; enumerates the thread group tree, which needs no safepoint. */
    private static Thread named(String prefix) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().startsWith(prefix)) {
                return threads[i];
            }
        }
        return null;
    }

    private synchronized void arrived(long postedAt) {
        long[] fxEnd = StallCounters.onFxThread();
        fxThread = Thread.currentThread();
        lastFxThread = fxThread;
        // stop() may already have counted this pulse, or a later one is outstanding.
        if (outstandingSince == postedAt) {
            record(System.nanoTime() - postedAt, fxEnd);
            outstandingSince = 0;
        }
    }

    private void record(long gapNanos, long[] fxEnd) {
        if (outstandingStart != null && outstandingStart.fxCpuNanos() >= 0 && fxEnd[0] >= 0) {
            maxBusyNanos = Math.max(maxBusyNanos, fxEnd[0] - outstandingStart.fxCpuNanos());
        }
        if (gapNanos > maxNanos) {
            maxNanos = gapNanos;
            longestTrace = outstandingTrace;
            pendingWallNanos = gapNanos;
            pendingStart = outstandingStart;
            pendingFxEnd = fxEnd;
        }
        measured++;
        long gapMs = gapNanos / 1_000_000;
        int bucket = 0;
        while (bucket < BUCKET_LIMITS_MS.length && gapMs >= BUCKET_LIMITS_MS[bucket]) {
            bucket++;
        }
        bucketCounts[bucket]++;
    }

    /** Finishes a new longest stall's figures with a snapshot taken now, just after it ended. */
    private void completeLongest() {
        if (pendingStart == null) {
            return;
        }
        longestBreakdown = StallCounters.between(pendingWallNanos, pendingStart, pendingFxEnd,
                counters.read(fxThread, renderThread));
        pendingStart = null;
    }

    private Result result() {
        List<Bucket> histogram = new ArrayList<>();
        for (int i = 0; i < bucketCounts.length; i++) {
            String label = i < BUCKET_LIMITS_MS.length ? "<" + BUCKET_LIMITS_MS[i]
                    : ">=" + BUCKET_LIMITS_MS[BUCKET_LIMITS_MS.length - 1];
            histogram.add(new Bucket(label + " ms", bucketCounts[i]));
        }
        return new Result(maxNanos / 1_000_000, measured, histogram, longestTrace, longestBreakdown,
                maxBusyNanos < 0 ? -1 : maxBusyNanos / 1_000_000);
    }

    /**
     * What one run of the watchdog saw. Immutable.
     *
     * @param maxMs     the longest gap between posting a pulse and the FX thread running it
     * @param pulses    gaps measured
     * @param histogram pulses per gap bucket, shortest first
     * @param longestStallTrace the FX thread's stack (top frames, one "at ..." per line) sampled
     *                  during the longest stall, or "" if that stall was shorter than
     *                  100 ms (or {@code -Dpe.stall.firstSampleMs})
     * @param longestStall where the longest stall's wall time went (FX CPU, GC, waiting), or
     *                  null when no pulse was measured
     * @param maxBusyMs the most FX-thread CPU time spent while any one pulse waited: the longest
     *                  stretch of work a click would have waited behind, not always in the
     *                  longest stall (whose wall time may be mostly waiting for a core); -1 when
     *                  not measured
     */
    public record Result(long maxMs, long pulses, List<Bucket> histogram, String longestStallTrace,
            StallCounters.Breakdown longestStall, long maxBusyMs) {

        public Result {
            histogram = List.copyOf(histogram);
        }

        public Result(long maxMs, long pulses, List<Bucket> histogram, String longestStallTrace,
                StallCounters.Breakdown longestStall) {
            this(maxMs, pulses, histogram, longestStallTrace, longestStall, -1);
        }

        /** {@link StallCounters.Breakdown#line()} of the longest stall, or "" when none was measured. */
        public String longestStallCause() {
            return longestStall == null ? "" : longestStall.line();
        }

        /** One line for logs and reports, e.g. {@code max 312 ms over 1,204 pulses; <16 ms: 1200, ...}. */
        public String summary() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "max %d ms over %,d pulses;", maxMs, pulses));
            for (Bucket bucket : histogram) {
                line.append(' ').append(bucket.label()).append(": ").append(bucket.count()).append(',');
            }
            line.setLength(line.length() - 1);
            if (longestStall != null) {
                line.append("; ").append(longestStall.line());
            }
            return line.toString();
        }
    }

    /** How many pulses waited within one range, e.g. {@code "<50 ms"}. */
    public record Bucket(String label, long count) {
    }
}
