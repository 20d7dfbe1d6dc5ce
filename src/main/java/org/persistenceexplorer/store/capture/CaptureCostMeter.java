package org.persistenceexplorer.store.capture;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.persistenceexplorer.domain.statement.CaptureCost;

/**
 * Measures the capture's own cost with the thread's CPU clock (ThreadMXBean), on one statement
 * in {@value #EVERY}: reading the clock costs a system call, so measuring every statement would
 * add to what is measured. The capture path calls {@link #start()} where its bookkeeping begins
 * and {@link #stop(long)} where it ends (before and after the driver runs the statement, both
 * parts added). Thread-safe.
 */
public final class CaptureCostMeter {

    static final int EVERY = 16;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private final AtomicLong ticket = new AtomicLong();
    private final LongAdder samples = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();

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
        cpuNanos.add(Math.max(0, THREADS.getCurrentThreadCpuTime() - started));
    }

    /** The sampled statement is over: it counts as one sample. */
    public void counted() {
        samples.increment();
    }

    public CaptureCost reading() {
        return new CaptureCost(samples.sum(), cpuNanos.sum(), EVERY);
    }
}
