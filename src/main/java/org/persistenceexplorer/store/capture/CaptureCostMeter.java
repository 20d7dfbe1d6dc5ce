package org.persistenceexplorer.store.capture;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import org.persistenceexplorer.domain.statement.CaptureCost;

/**
 * Measures the capture's own cost with the thread's CPU clock (ThreadMXBean), on one statement
 * in {@value #EVERY}: reading the clock costs a system call, so measuring every statement would
 * add to what is measured. The capture path calls {@link #start()} where its bookkeeping begins
 * and {@link #add(long)} where it ends (before and after the driver runs the statement, both
 * parts added), then {@link #counted()}. The reading is the mean of the latest samples. Thread-safe.
 */
public final class CaptureCostMeter {

    static final int EVERY = 16;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    /** The reading is over the latest samples: the first statements (classes loading, code not yet compiled) cost far more. */
    static final int RECENT = 256;

    private final AtomicLong ticket = new AtomicLong();
    private final long[] recent = new long[RECENT];
    private long recorded;
    /** The current sampled statement's cost so far, per thread (a statement stays on its thread). */
    private final ThreadLocal<long[]> current = ThreadLocal.withInitial(() -> new long[1]);

    /** True if this statement is one to measure (decide once per statement). */
    public boolean sample() {
        return SUPPORTED && ticket.incrementAndGet() % EVERY == 0;
    }

    /** The thread's CPU clock now, for a sampled statement. */
    public long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Adds the CPU time since {@code started} to the current statement's cost. */
    public void add(long started) {
        current.get()[0] += Math.max(0, THREADS.getCurrentThreadCpuTime() - started);
    }

    /** The sampled statement is over: its cost counts as one sample. */
    public void counted() {
        long[] cost = current.get();
        synchronized (recent) {
            recent[(int) (recorded % RECENT)] = cost[0];
            recorded++;
        }
        cost[0] = 0;
    }

    /** The mean over the latest {@value #RECENT} samples. */
    public CaptureCost reading() {
        synchronized (recent) {
            int n = (int) Math.min(recorded, RECENT);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += recent[i];
            }
            return new CaptureCost(n, sum, EVERY);
        }
    }
}
