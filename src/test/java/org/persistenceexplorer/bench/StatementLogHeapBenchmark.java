package org.persistenceexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * What a full statement log costs in heap: a {@link StatementLog} of the app's capacity (100,000)
 * filled through a {@link StatementRecorder} as the app fills it, with statement texts and
 * parameters like the app's (Hibernate SELECTs, UPDATEs and INSERTs with parameters, console
 * queries with literals, Cypher MERGEs, BEGIN/COMMIT). Every text (but BEGIN/COMMIT, constants in
 * pgjdbc too) and parameter line is its own String, as if nothing were shared: the upper end. Figure: heap in use after a full
 * GC with the log full, which is as much as the log ever holds (a ring buffer).
 * Blocking; single-threaded.
 */
final class StatementLogHeapBenchmark implements BenchmarkSection {

    private static final double MIB = 1024.0 * 1024.0;
    private static final String ACTION = "benchmark: heap of the statement log";
    private static final String EMPLOYEE_SELECT = "select e1_0.id,e1_0.department_id,e1_0.email,e1_0.first_name,"
            + "e1_0.hired_on,e1_0.last_name,e1_0.manager_id,e1_0.salary,e1_0.title from hr.employee e1_0 "
            + "where e1_0.department_id=?";
    private static final String EMPLOYEE_UPDATE = "update hr.employee set salary=?,title=?,version=? where id=? and version=?";
    private static final String PROJECT_INSERT = "insert into hr.project (budget,department_id,name,starts_on,id) values (?,?,?,?,?)";
    private static final String PERSON_MERGE = "MERGE (p:Person {id: $id}) SET p.name = $name, p.title = $title "
            + "WITH p MATCH (m:Person {id: $managerId}) MERGE (p)-[:REPORTS_TO]->(m)";

    @Override
    public String title() {
        return "Heap of a full statement log";
    }

    @Override
    public BenchmarkReport.Section run() {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = usedAfterGc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        StatementLog log = new StatementLog();
        StatementRecorder recorder = new StatementRecorder();
        recorder.addListener(log);
        try (WorkContext.Scope scope = WorkContext.enter(ACTION, new CancelHooks())) {
            for (int i = 0; i < log.capacity(); i++) {
                recordOne(recorder, i);
            }
        }
        // Sum of each pool's own peak: pools peak at different moments, so an upper bound (garbage included).
        long peakDuringFill = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long full = usedAfterGc();
        int held = log.all().size();
        Reference.reachabilityFence(log);
        System.err.printf(Locale.ROOT, "[heap] %,d statements held, %.0f MiB in use after GC%n", held, full / MIB);

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "A `StatementLog` of capacity %,d filled with %,d statements through a "
                + "`StatementRecorder` (mix of Hibernate SELECT / UPDATE / INSERT with parameters, console SQL with "
                + "literals, Cypher MERGE with parameters, BEGIN / COMMIT; every text but BEGIN / COMMIT its own String) in the "
                + "benchmark's JVM. Heap measured after `System.gc()` (a full collection).%n%n", log.capacity(), held));
        md.append(String.format(Locale.ROOT, "- Heap in use after GC, empty log: %.1f MiB%n", before / MIB));
        md.append(String.format(Locale.ROOT, "- Heap in use after GC, full log: **%.1f MiB** (figure; target <= 512)%n", full / MIB));
        md.append(String.format(Locale.ROOT, "- The log's share: %.1f MiB, %,.0f bytes per statement%n",
                (full - before) / MIB, (full - before) / (double) held));
        md.append(String.format(Locale.ROOT, "- Peak while filling (sum of the heap pools' peaks, garbage included): %.1f MiB%n",
                peakDuringFill / MIB));
        return new BenchmarkReport.Section(title(), md.toString(), List.of(
                Figure.of("heap.peak_mb_log_100k", full / MIB, "MiB", Figure.Target.atMost("512"))));
    }

    /** One statement of the mix, numbered so that texts and parameters differ. */
    private static void recordOne(StatementRecorder recorder, int i) {
        long nanos = 150_000 + i % 7_000;
        switch (i % 6) {
            case 0 -> recorder.record(Engine.POSTGRESQL, StatementKind.SELECT, copy(EMPLOYEE_SELECT),
                    List.of("1=" + (i % 40 + 1)), nanos, 25, 1, null);
            case 1 -> recorder.record(Engine.POSTGRESQL, StatementKind.UPDATE, copy(EMPLOYEE_UPDATE),
                    List.of("1=" + (50_000 + i % 9_000) + ".00, 2=Senior Engineer, 3=" + (i % 7 + 1) + ", 4=" + i + ", 5=" + (i % 7)),
                    nanos, 1, 1, null);
            case 2 -> recorder.record(Engine.POSTGRESQL, StatementKind.INSERT, copy(PROJECT_INSERT),
                    List.of("1=" + (i * 10L) + ", 2=" + (i % 40 + 1) + ", 3=Project " + i + " migration, 4=2026-03-01, 5=" + i),
                    nanos, 1, 1, null);
            case 3 -> recorder.record(Engine.POSTGRESQL, StatementKind.SELECT,
                    "SELECT first_name, last_name, salary FROM hr.employee WHERE last_name LIKE 'S%' AND salary > "
                            + (40_000 + i) + " ORDER BY hired_on DESC LIMIT 50", List.of(), nanos, 50, 1, null);
            case 4 -> recorder.record(Engine.NEO4J, StatementKind.CYPHER_WRITE, copy(PERSON_MERGE),
                    List.of("id=" + i + ", name=Person " + i + ", title=Engineer, managerId=" + (i / 10)), nanos, 0, 1, null);
            default -> recorder.record(Engine.POSTGRESQL, StatementKind.TX, i % 12 == 5 ? "BEGIN" : "COMMIT",
                    List.of(), 20_000, -1, 1, null);
        }
    }

    /** A String of its own: {@code new String(String)} would share the characters. */
    private static String copy(String text) {
        return new String(text.toCharArray());
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
