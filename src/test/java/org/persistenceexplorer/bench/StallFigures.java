package org.persistenceexplorer.bench;

import java.util.ArrayList;
import java.util.List;
import org.persistenceexplorer.testsupport.FxStallWatchdog;
import org.persistenceexplorer.testsupport.StallCounters;

/**
 * An FX-stall figure (target < 50 ms) with two informative companions that say where its
 * longest stall went: {@code <id>.fx_cpu_ms}, the FX thread's own CPU inside it (the code's
 * work), and {@code <id>.gc_ms}, the GC pauses inside it; where the watchdog's result is at hand
 * also {@code <id>.max_busy_fx_cpu_ms}, the most FX CPU spent while any one pulse waited (the
 * longest stretch of work, which need not be in the longest stall). On a 2-core machine a long stall with a
 * small FX CPU is the thread waiting for a core, not doing work (docs/BENCHMARKS.md).
 */
final class StallFigures {

    private StallFigures() {
    }

    static List<Figure> of(String id, FxStallWatchdog.Result stall) {
        List<Figure> figures = new ArrayList<>(of(id, stall.maxMs(), stall.longestStall()));
        figures.add(Figure.of(id + ".max_busy_fx_cpu_ms", stall.maxBusyMs(), "ms", Figure.Target.informative()));
        return figures;
    }

    /** The same from a longest stall and its breakdown (null when unknown). */
    static List<Figure> of(String id, long maxMs, StallCounters.Breakdown longest) {
        long fxCpu = longest == null ? -1 : longest.fxCpuMs();
        long gc = longest == null ? -1 : longest.gcPauseMs();
        return List.of(
                Figure.of(id, maxMs, "ms", Figure.Target.below("50")),
                Figure.of(id + ".fx_cpu_ms", fxCpu, "ms", Figure.Target.informative()),
                Figure.of(id + ".gc_ms", gc, "ms", Figure.Target.informative()));
    }
}
