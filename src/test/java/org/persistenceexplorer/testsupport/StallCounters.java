package org.persistenceexplorer.testsupport;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The counters that say where a stall's wall time went: the FX and render threads' CPU, the
 * JVM's GC pauses and CPU, and the whole machine's busy time. A stall whose FX CPU is small was
 * the FX thread waiting (for a core, a GC pause, the render thread or a lock), not working: on a
 * 2-core machine the two are easy to confuse, and only the first is the code's to fix.
 *
 * <p>Reading them is cheap (clock_gettime per thread, GC counters, one small /proc read), so the
 * watchdog takes them at every pulse. Not thread-safe; the watchdog guards it.
 */
public final class StallCounters {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Linux names a JVM's native threads after the Java thread, cut to 15 characters. */
    private static final String FX_TASK_NAME = "JavaFX Applicat";

    private final byte[] procBuffer = new byte[512];
    private RandomAccessFile procStat;
    private boolean procStatUnreadable;
    private RandomAccessFile fxSchedstat;
    private boolean fxSchedstatSearched;

    /** Everything at one moment; -1 where a thread is not known yet or a counter is unreadable. */
    record Snapshot(long fxCpuNanos, long fxRunQueueNanos, long renderCpuNanos, long gcMillis, long jvmCpuNanos,
            long machineBusyTicks, long machineTotalTicks) {
    }

    /** All counters, read from any thread. */
    Snapshot read(Thread fx, Thread render) {
        long[] machine = machineTicks();
        return new Snapshot(cpuOf(fx), fx == null ? -1 : fxRunQueueNanos(), cpuOf(render), gcMillis(), jvmCpuNanos(),
                machine[0], machine[1]);
    }

    /** The FX thread's own CPU and the GC total, cheap enough to read on the FX thread itself. */
    static long[] onFxThread() {
        return new long[] {THREADS.getCurrentThreadCpuTime(), gcMillis()};
    }

    /**
     * Where one stall went, from a snapshot when it began, the FX thread's own reading when it
     * ended and a snapshot taken just after (the render thread, JVM and machine figures are up to
     * one watchdog period late).
     */
    static Breakdown between(long wallNanos, Snapshot start, long[] fxAtEnd, Snapshot after) {
        long fxCpu = start.fxCpuNanos() < 0 ? -1 : fxAtEnd[0] - start.fxCpuNanos();
        long renderCpu = start.renderCpuNanos() < 0 || after.renderCpuNanos() < 0 ? -1
                : after.renderCpuNanos() - start.renderCpuNanos();
        long jvmCpu = start.jvmCpuNanos() < 0 || after.jvmCpuNanos() < 0 ? -1 : after.jvmCpuNanos() - start.jvmCpuNanos();
        long total = after.machineTotalTicks() - start.machineTotalTicks();
        double busyCores = start.machineTotalTicks() < 0 || after.machineTotalTicks() < 0 || total <= 0 ? -1
                : CORES * (double) (after.machineBusyTicks() - start.machineBusyTicks()) / total;
        long runQueue = start.fxRunQueueNanos() < 0 || after.fxRunQueueNanos() < 0 ? -1
                : after.fxRunQueueNanos() - start.fxRunQueueNanos();
        return new Breakdown(wallNanos / 1_000_000, millis(fxCpu), millis(runQueue), millis(renderCpu),
                fxAtEnd[1] - start.gcMillis(), millis(jvmCpu), busyCores, CORES);
    }

    private static long millis(long nanos) {
        return nanos < 0 ? -1 : nanos / 1_000_000;
    }

    private static long cpuOf(Thread thread) {
        if (thread == null || !THREADS.isThreadCpuTimeSupported()) {
            return -1;
        }
        return THREADS.getThreadCpuTime(thread.getId());
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            sum += Math.max(0, collector.getCollectionTime());
        }
        return sum;
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Time the FX thread spent runnable but not running (waiting for a core), from the kernel's
     * per-task schedstat (run time, run-queue wait, time slices); -1 off Linux.
     */
    private long fxRunQueueNanos() {
        try {
            if (!fxSchedstatSearched) {
                fxSchedstatSearched = true;
                fxSchedstat = findFxSchedstat();
            }
            if (fxSchedstat == null) {
                return -1;
            }
            fxSchedstat.seek(0);
            int length = fxSchedstat.read(procBuffer);
            String[] fields = new String(procBuffer, 0, Math.max(0, length), StandardCharsets.US_ASCII).trim().split("\\s+");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException unreadable) {
            fxSchedstat = null;
            return -1;
        }
    }

    private static RandomAccessFile findFxSchedstat() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                Path comm = task.resolve("comm");
                if (Files.isReadable(comm) && Files.readString(comm).strip().equals(FX_TASK_NAME)
                        && Files.isReadable(task.resolve("schedstat"))) {
                    return new RandomAccessFile(task.resolve("schedstat").toFile(), "r");
                }
            }
        }
        return null;
    }

    /** {busy, total} clock ticks of all CPUs from /proc/stat's first line, or {-1, -1} off Linux. */
    private long[] machineTicks() {
        if (procStatUnreadable) {
            return new long[] {-1, -1};
        }
        try {
            if (procStat == null) {
                procStat = new RandomAccessFile("/proc/stat", "r");
            }
            procStat.seek(0);
            int length = procStat.read(procBuffer);
            String cpuLine = new String(procBuffer, 0, Math.max(0, length), StandardCharsets.US_ASCII).lines()
                    .findFirst().orElse("");
            String[] fields = cpuLine.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are not busy.
            long total = 0;
            long idle = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i == 4 || i == 5) {
                    idle += ticks;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException unreadable) {
            procStatUnreadable = true;
            return new long[] {-1, -1};
        }
    }

    /**
     * Where one stall's wall time went. Each figure is -1 where it could not be read.
     *
     * @param wallMs      the stall
     * @param fxCpuMs     the FX thread's CPU inside it: its own work
     * @param fxRunQueueMs the FX thread's time runnable but without a core (Linux schedstat)
     * @param renderCpuMs the render thread's CPU inside it (the FX thread may wait for its frame)
     * @param gcPauseMs   time the collectors report inside it (stop-the-world pauses stop the FX thread too)
     * @param jvmCpuMs    CPU of every thread of this JVM inside it
     * @param machineBusyCores cores busy on average over the whole machine (all processes)
     * @param cores       cores this JVM sees
     */
    public record Breakdown(long wallMs, long fxCpuMs, long fxRunQueueMs, long renderCpuMs, long gcPauseMs, long jvmCpuMs,
            double machineBusyCores, int cores) {

        /** E.g. {@code longest stall 105 ms: FX thread on CPU 13 ms, GC pauses 60 ms, ...}. */
        public String line() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "longest stall %d ms:", wallMs));
            line.append(" FX thread on CPU ").append(known(fxCpuMs));
            line.append(", ready but without a core ").append(known(fxRunQueueMs));
            line.append(", GC pauses ").append(known(gcPauseMs));
            line.append(", render thread on CPU ").append(known(renderCpuMs));
            if (fxCpuMs >= 0) {
                long rest = Math.max(0, wallMs - fxCpuMs - Math.max(0, fxRunQueueMs) - Math.max(0, gcPauseMs));
                line.append(", otherwise ").append(rest).append(" ms (blocked, asleep, or stopped at a safepoint)");
            }
            line.append("; meanwhile this JVM used ").append(known(jvmCpuMs)).append(" of CPU");
            if (machineBusyCores >= 0) {
                line.append(String.format(Locale.ROOT, " and the machine %.1f of %d cores", machineBusyCores, cores));
            }
            return line.toString();
        }

        private static String known(long ms) {
            return ms < 0 ? "?" : ms + " ms";
        }
    }
}
