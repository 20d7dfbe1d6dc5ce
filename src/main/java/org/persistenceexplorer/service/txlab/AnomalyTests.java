package org.persistenceexplorer.service.txlab;

import java.util.List;
import java.util.Map;

/**
 * Hermitage's ten PostgreSQL tests (github ept/hermitage, postgres.md) and their variants, as
 * our own scripts: the same steps, with the anomaly judged from what the run read and kept
 * rather than from a comment. P4 computes its write from its read ({@code {v1+1}}), so the lost
 * update shows as a lost increment. Immutable.
 */
public final class AnomalyTests {

    private AnomalyTests() {
    }

    private static Step s(String session, String sql) {
        return new Step(session, sql, "");
    }

    private static Step s(String session, String sql, String expected) {
        return new Step(session, sql, expected);
    }

    private static Integer v(Map<Integer, Integer> rows, int id) {
        return rows.get(id);
    }

    /** Every test, in Hermitage's column order, variants after their test. */
    public static final List<AnomalyTest> ALL = List.of(
            new AnomalyTest("G0", "G0", "dirty write (write cycle)",
                    "Two transactions overwrite each other's uncommitted changes, so the rows end up half from one and half from the other.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "update test set value = 11 where id = 1"),
                            s("B", "update test set value = 12 where id = 1", "waits for A (row 1 is locked)"),
                            s("A", "update test set value = 21 where id = 2"),
                            s("A", "commit", "lets B go on"),
                            s("A", "select * from test", "1 => 11, 2 => 21"),
                            s("B", "update test set value = 22 where id = 2"),
                            s("B", "commit"),
                            s("A", "select * from test", "1 => 12, 2 => 22: all of B, or all of A")),
                    o -> {
                        Map<Integer, Integer> f = o.finalRows();
                        return (v(f, 1) == 12 && v(f, 2) == 21) || (v(f, 1) == 11 && v(f, 2) == 22);
                    }, "the final rows are half A's and half B's"),
            new AnomalyTest("G1a", "G1a", "aborted read (dirty read)",
                    "A transaction reads a change that is later rolled back, so it saw data that never existed.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "update test set value = 101 where id = 1"),
                            s("B", "select * from test", "still 1 => 10"),
                            s("A", "rollback"),
                            s("B", "select * from test", "still 1 => 10"),
                            s("B", "commit")),
                    o -> Integer.valueOf(101).equals(o.rows(4).get(1)) || Integer.valueOf(101).equals(o.rows(6).get(1)),
                    "B read 1 => 101"),
            new AnomalyTest("G1b", "G1b", "intermediate read (dirty read)",
                    "A transaction reads a value another transaction wrote on the way to its final one.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "update test set value = 101 where id = 1"),
                            s("B", "select * from test", "still 1 => 10"),
                            s("A", "update test set value = 11 where id = 1"),
                            s("A", "commit"),
                            s("B", "select * from test", "at READ COMMITTED 1 => 11 now"),
                            s("B", "commit")),
                    o -> Integer.valueOf(101).equals(o.rows(4).get(1)) || Integer.valueOf(101).equals(o.rows(7).get(1)),
                    "B read 1 => 101"),
            new AnomalyTest("G1c", "G1c", "circular information flow (dirty read)",
                    "Each of two transactions sees the other's uncommitted change, so each seems to come before the other.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "update test set value = 11 where id = 1"),
                            s("B", "update test set value = 22 where id = 2"),
                            s("A", "select * from test where id = 2", "still 2 => 20"),
                            s("B", "select * from test where id = 1", "still 1 => 10"),
                            s("A", "commit"), s("B", "commit")),
                    o -> Integer.valueOf(22).equals(o.rows(5).get(2)) || Integer.valueOf(11).equals(o.rows(6).get(1)),
                    "A read 2 => 22 or B read 1 => 11"),
            new AnomalyTest("OTV", "OTV", "observed transaction vanishes",
                    "A reader sees a transaction's write, then a later read shows it gone although nobody rolled back.",
                    List.of(s("A", "begin"), s("B", "begin"), s("C", "begin"),
                            s("A", "update test set value = 11 where id = 1"),
                            s("A", "update test set value = 19 where id = 2"),
                            s("B", "update test set value = 12 where id = 1", "waits for A"),
                            s("A", "commit", "lets B go on"),
                            s("C", "select * from test where id = 1", "1 => 11"),
                            s("B", "update test set value = 18 where id = 2"),
                            s("C", "select * from test where id = 2", "2 => 19"),
                            s("B", "commit"),
                            s("C", "select * from test where id = 2", "READ COMMITTED: 2 => 18"),
                            s("C", "select * from test where id = 1", "READ COMMITTED: 1 => 12, never 11 again"),
                            s("C", "commit")),
                    o -> Integer.valueOf(18).equals(o.rows(12).get(2)) && Integer.valueOf(11).equals(o.rows(13).get(1)),
                    "C saw B's 2 => 18 and then A's 1 => 11, which B had overwritten"),
            new AnomalyTest("PMP", "PMP", "predicate many preceders (phantom)",
                    "A query with a condition, asked twice in one transaction, finds a row the first time did not (a phantom).",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "select * from test where value = 30", "nothing"),
                            s("B", "insert into test (id, value) values (3, 30)"),
                            s("B", "commit"),
                            s("A", "select * from test where value % 3 = 0", "READ COMMITTED: the new row; REPEATABLE READ: nothing"),
                            s("A", "commit")),
                    o -> o.rows(6).containsKey(3), "A's second read found the new row 3 => 30"),
            new AnomalyTest("PMP (write predicate)", "PMP", "predicate many preceders, write predicate",
                    "A DELETE with a condition misses a row that matches once another transaction's change is in, so the row survives a delete meant for it.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "update test set value = value + 10"),
                            s("B", "delete from test where value = 20", "waits for A"),
                            s("A", "commit", "lets B go on"),
                            s("B", "select * from test where value = 20", "READ COMMITTED: 1 => 20 despite the delete"),
                            s("B", "commit")),
                    o -> o.ok(6) && !o.rows(6).isEmpty(), "B's delete of value = 20 left 1 => 20 behind"),
            new AnomalyTest("P4", "P4", "lost update",
                    "Two transactions read the same value, each writes its read plus one, and one of the increments is lost.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "select * from test where id = 1", "1 => 10"),
                            s("B", "select * from test where id = 1", "1 => 10"),
                            s("A", "update test set value = {v1+1} where id = 1", "its read + 1 = 11"),
                            s("B", "update test set value = {v1+1} where id = 1", "also 11; waits for A"),
                            s("A", "commit", "lets B go on"),
                            s("B", "commit", "READ COMMITTED: 11 overwrites 11; one increment lost")),
                    o -> o.committed("A") && o.committed("B") && Integer.valueOf(11).equals(o.finalRows().get(1)),
                    "both committed and row 1 is 11, not 12"),
            new AnomalyTest("G-single", "G-single", "read skew",
                    "A transaction reads one row before and another after someone else's change, so its view mixes two states (10 + 18 = 28, never a total).",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "select * from test where id = 1", "1 => 10"),
                            s("B", "select * from test where id = 1"),
                            s("B", "select * from test where id = 2"),
                            s("B", "update test set value = 12 where id = 1"),
                            s("B", "update test set value = 18 where id = 2"),
                            s("B", "commit"),
                            s("A", "select * from test where id = 2", "READ COMMITTED: 2 => 18; REPEATABLE READ: 2 => 20"),
                            s("A", "commit")),
                    o -> Integer.valueOf(10).equals(o.rows(3).get(1)) && Integer.valueOf(18).equals(o.rows(9).get(2)),
                    "A read 1 => 10 and then 2 => 18"),
            new AnomalyTest("G-single (predicate)", "G-single", "read skew through a predicate",
                    "A transaction's second query with a condition sees another transaction's change its first query did not.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "select * from test where value % 5 = 0", "1 => 10, 2 => 20"),
                            s("B", "update test set value = 12 where value = 10"),
                            s("B", "commit"),
                            s("A", "select * from test where value % 3 = 0", "REPEATABLE READ: nothing"),
                            s("A", "commit")),
                    o -> o.rows(6).containsKey(1), "A's second query found B's 1 => 12"),
            new AnomalyTest("G-single (write predicate)", "G-single", "read skew through a write",
                    "A transaction read the old state, but its DELETE with a condition acts on the new one.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "select * from test where id = 1", "1 => 10"),
                            s("B", "select * from test"),
                            s("B", "update test set value = 12 where id = 1"),
                            s("B", "update test set value = 18 where id = 2"),
                            s("B", "commit"),
                            s("A", "delete from test where value = 20", "REPEATABLE READ: could not serialize access"),
                            s("A", "commit")),
                    o -> o.ok(8) && o.count(8) == 0, "A's delete of value = 20 saw B's 2 => 18 and deleted nothing"),
            new AnomalyTest("G2-item", "G2-item", "write skew",
                    "Two transactions each read both rows, then each changes a different one: fine alone, together a state no order of them gives.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "select * from test where id in (1, 2)"),
                            s("B", "select * from test where id in (1, 2)"),
                            s("A", "update test set value = 11 where id = 1"),
                            s("B", "update test set value = 21 where id = 2"),
                            s("A", "commit"),
                            s("B", "commit", "SERIALIZABLE: could not serialize access")),
                    o -> o.committed("A") && o.committed("B"), "both committed"),
            new AnomalyTest("G2", "G2", "write skew on a predicate (phantom)",
                    "Two transactions each check that no row matches a condition, then each inserts one that does.",
                    List.of(s("A", "begin"), s("B", "begin"),
                            s("A", "select * from test where value % 3 = 0", "nothing"),
                            s("B", "select * from test where value % 3 = 0", "nothing"),
                            s("A", "insert into test (id, value) values (3, 30)"),
                            s("B", "insert into test (id, value) values (4, 42)"),
                            s("A", "commit"),
                            s("B", "commit", "SERIALIZABLE: could not serialize access")),
                    o -> o.committed("A") && o.committed("B"), "both committed: 3 => 30 and 4 => 42"),
            new AnomalyTest("G2 (two edges, read-only)", "G2", "read-only transaction anomaly",
                    "Fekete et al.'s case: a read-only transaction sees a state that no serial order of the three transactions allows.",
                    List.of(s("A", "begin"),
                            s("A", "select * from test", "1 => 10, 2 => 20"),
                            s("B", "begin"),
                            s("B", "update test set value = value + 5 where id = 2"),
                            s("B", "commit"),
                            s("C", "begin"),
                            s("C", "select * from test", "1 => 10, 2 => 25"),
                            s("C", "commit"),
                            s("A", "update test set value = 0 where id = 1", "SERIALIZABLE: could not serialize access"),
                            s("A", "commit")),
                    o -> o.committed("A"), "A's update committed after C saw B's change"));

    /**
     * Not an anomaly but its cousin: A and B each lock a row, then each wants the other's. The
     * server finds the cycle (after deadlock_timeout) and aborts one of them with 40P01.
     */
    public static final AnomalyTest DEADLOCK = new AnomalyTest("Deadlock", "Deadlock", "deadlock",
            "Each of two transactions waits for a row the other has locked; neither can go on, so the server aborts one.",
            List.of(s("A", "begin"), s("B", "begin"),
                    s("A", "update test set value = 11 where id = 1"),
                    s("B", "update test set value = 22 where id = 2"),
                    s("A", "update test set value = 21 where id = 2", "waits for B"),
                    s("B", "update test set value = 12 where id = 1", "waits for A: a cycle; one of them loses (40P01)"),
                    s("A", "commit"), s("B", "commit")),
            o -> o.committed("A") && o.committed("B"), "both committed");

    /** The guided scripts the lab offers: the matrix's tests, then the deadlock. */
    public static final List<AnomalyTest> SCRIPTS = java.util.stream.Stream.concat(ALL.stream(), java.util.stream.Stream.of(DEADLOCK)).toList();

    /** The test with this id. */
    public static AnomalyTest byId(String id) {
        return SCRIPTS.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No anomaly test " + id));
    }
}
