package org.persistenceexplorer.service.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;

class StatementLogTest {

    private long nextSequence = 1;

    @Test
    void ringBufferKeepsTheNewestRecordsInSequenceOrder() {
        StatementLog log = new StatementLog(3);
        for (int i = 0; i < 5; i++) {
            log.statementCaptured(statement(StatementKind.SELECT, "a"));
        }

        assertThat(log.all()).extracting(CapturedStatement::sequence).containsExactly(3L, 4L, 5L);
        assertThat(log.counters().total()).as("counters count what the buffer dropped too").isEqualTo(5);
    }

    @Test
    void aCursorReadsEachRecordOnceAcrossOverwriteAndReset() {
        StatementLog log = new StatementLog(3);
        log.statementCaptured(statement(StatementKind.SELECT, "a"));
        StatementLog.Page first = log.readFrom(0);
        assertThat(first.statements()).extracting(CapturedStatement::sequence).containsExactly(1L);

        for (int i = 0; i < 4; i++) {
            log.statementCaptured(statement(StatementKind.SELECT, "a"));
        }
        StatementLog.Page second = log.readFrom(first.next());
        assertThat(second.statements()).as("#2 was overwritten before it was read")
                .extracting(CapturedStatement::sequence).containsExactly(3L, 4L, 5L);
        assertThat(log.readFrom(second.next()).statements()).isEmpty();

        log.reset();
        log.statementCaptured(statement(StatementKind.SELECT, "b"));
        assertThat(log.readFrom(second.next()).statements()).extracting(CapturedStatement::action).containsExactly("b");
        assertThat(log.readFrom(0).statements()).as("nothing from before the reset").hasSize(1);
    }

    @Test
    void recordsArrivingOutOfOrderAreReturnedInSequenceOrder() {
        StatementLog log = new StatementLog(10);
        log.statementCaptured(withSequence(2));
        log.statementCaptured(withSequence(1));
        log.statementCaptured(withSequence(3));

        assertThat(log.all()).extracting(CapturedStatement::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void sinceReturnsOnlyNewerRecords() {
        StatementLog log = new StatementLog(10);
        for (int i = 0; i < 4; i++) {
            log.statementCaptured(statement(StatementKind.SELECT, "a"));
        }

        assertThat(log.since(2)).extracting(CapturedStatement::sequence).containsExactly(3L, 4L);
        assertThat(log.since(4)).isEmpty();
        assertThat(log.since(0)).hasSize(4);
    }

    @Test
    void countersCountServerExecutionsSoABatchOfTwentyCountsTwenty() {
        StatementLog log = new StatementLog(10);
        log.statementCaptured(statement(StatementKind.INSERT, "load", 20, null, false));
        log.statementCaptured(statement(StatementKind.SELECT, "load"));

        StatementLog.Counters counters = log.counters();
        assertThat(counters.total()).isEqualTo(21);
        assertThat(counters.of(StatementKind.INSERT)).isEqualTo(20);
        assertThat(log.all()).as("the batch is one record").hasSize(2);
    }

    @Test
    void countsPerKindAndPerAction() {
        StatementLog log = new StatementLog(10);
        log.statementCaptured(statement(StatementKind.SELECT, "tables: load page"));
        log.statementCaptured(statement(StatementKind.SELECT, "tables: load page"));
        log.statementCaptured(statement(StatementKind.UPDATE, "tables: save row"));
        log.statementCaptured(statement(StatementKind.CYPHER_READ, "org chart: load"));

        StatementLog.Counters counters = log.counters();
        assertThat(counters.of(StatementKind.SELECT)).isEqualTo(2);
        assertThat(counters.of(StatementKind.UPDATE)).isEqualTo(1);
        assertThat(counters.of(StatementKind.CYPHER_READ)).isEqualTo(1);
        assertThat(counters.of(StatementKind.DELETE)).isZero();
        assertThat(counters.perAction()).containsEntry("tables: load page", 2L)
                .containsEntry("tables: save row", 1L).containsEntry("org chart: load", 1L);
        assertThat(log.countFor("tables: load page")).isEqualTo(2);
        assertThat(log.countFor("never ran")).isZero();
    }

    @Test
    void countsErrorsAndStatementsOnTheUiThread() {
        StatementLog log = new StatementLog(10);
        log.statementCaptured(statement(StatementKind.SELECT, "a", 1, "syntax error", false));
        log.statementCaptured(statement(StatementKind.SELECT, "a", 1, null, true));
        log.statementCaptured(statement(StatementKind.SELECT, "a", 1, "timeout", true));
        log.statementCaptured(statement(StatementKind.SELECT, "a"));

        StatementLog.Counters counters = log.counters();
        assertThat(counters.errors()).isEqualTo(2);
        assertThat(counters.uiThreadStatements()).isEqualTo(2);
        assertThat(counters.total()).isEqualTo(4);
    }

    @Test
    void countersAreASnapshotThatLaterStatementsDoNotChange() {
        StatementLog log = new StatementLog(10);
        log.statementCaptured(statement(StatementKind.SELECT, "a"));
        StatementLog.Counters before = log.counters();

        log.statementCaptured(statement(StatementKind.SELECT, "a"));

        assertThat(before.total()).isEqualTo(1);
        assertThat(before.of(StatementKind.SELECT)).isEqualTo(1);
        assertThat(before.perAction()).containsEntry("a", 1L);
    }

    @Test
    void resetEmptiesTheBufferAndEveryCounter() {
        StatementLog log = new StatementLog(10);
        log.statementCaptured(statement(StatementKind.INSERT, "a", 5, "failed", true));
        log.statementCaptured(statement(StatementKind.SELECT, "b"));

        log.reset();

        assertThat(log.all()).isEmpty();
        assertThat(log.since(0)).isEmpty();
        StatementLog.Counters counters = log.counters();
        assertThat(counters.total()).isZero();
        assertThat(counters.errors()).isZero();
        assertThat(counters.uiThreadStatements()).isZero();
        assertThat(counters.perKind()).isEmpty();
        assertThat(counters.perAction()).isEmpty();
        assertThat(log.countFor("a")).isZero();

        log.statementCaptured(statement(StatementKind.SELECT, "c"));
        assertThat(log.all()).extracting(CapturedStatement::action).containsExactly("c");
    }

    @Test
    void perActionCountsAreBoundedDroppingTheOldestAction() {
        StatementLog log = new StatementLog(10);
        for (int i = 0; i <= StatementLog.MAX_ACTIONS; i++) {
            log.statementCaptured(statement(StatementKind.SELECT, "action " + i));
        }

        assertThat(log.counters().perAction()).hasSize(StatementLog.MAX_ACTIONS).doesNotContainKey("action 0");
        assertThat(log.countFor("action " + StatementLog.MAX_ACTIONS)).isEqualTo(1);
        assertThat(log.counters().total()).isEqualTo(StatementLog.MAX_ACTIONS + 1);
    }

    @Test
    void aCompletedRecordReplacesItsFirstFormAndReachesReadersThatTookItEarlier() {
        StatementLog log = new StatementLog(10);
        CapturedStatement read = statement(StatementKind.SELECT, "a");
        CapturedStatement failing = statement(StatementKind.SELECT, "a");
        log.statementCaptured(read);
        log.statementCaptured(failing);
        StatementLog.Page first = log.readFrom(0, 0);
        assertThat(first.statements()).extracting(CapturedStatement::rows).containsExactly(-1L, -1L);
        long before = log.position().sqlExecutions();

        CapturedStatement readDone = copy(read, 42, null);
        log.statementCompleted(read, readDone);
        log.statementCompleted(failing, copy(failing, 4900, "ERROR: division by zero (SQLState 22012)"));
        CapturedStatement later = statement(StatementKind.SELECT, "a");
        log.statementCaptured(later);

        StatementLog.Page second = log.readFrom(first.next(), first.nextCompleted());
        assertThat(second.statements()).containsExactly(later);
        assertThat(second.completed()).extracting(CapturedStatement::rows).containsExactly(42L, 4900L);
        assertThat(log.all()).extracting(CapturedStatement::rows).containsExactly(42L, 4900L, -1L);
        assertThat(log.counters().errors()).as("the failed fetch is an error now").isEqualTo(1);
        assertThat(log.position().sqlExecutions()).as("the server does not count a failed statement")
                .isEqualTo(before - 1 + 1);
        assertThat(log.readFrom(second.next(), second.nextCompleted()).completed()).isEmpty();
        // A reader that takes the records after they were completed gets them complete, once.
        StatementLog.Page fresh = log.readFrom(0, 0);
        assertThat(fresh.completed()).isEmpty();
        assertThat(fresh.statements()).contains(readDone);
    }

    private static CapturedStatement copy(CapturedStatement s, long rows, String error) {
        return new CapturedStatement(s.sequence(), s.finishedAt(), s.engine(), s.kind(), s.text(), s.parameters(),
                s.durationNanos(), rows, s.batchSize(), s.thread(), s.onUiThread(), error, s.action());
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new StatementLog(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private CapturedStatement statement(StatementKind kind, String action) {
        return statement(kind, action, 1, null, false);
    }

    private CapturedStatement statement(StatementKind kind, String action, int batchSize, String error, boolean onUiThread) {
        return new CapturedStatement(nextSequence++, Instant.now(), kind.engine(), kind, "statement " + nextSequence,
                List.of(), 1_000, -1, batchSize, onUiThread ? "JavaFX Application Thread" : "worker", onUiThread,
                error, action);
    }

    private static CapturedStatement withSequence(long sequence) {
        return new CapturedStatement(sequence, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT, "SELECT " + sequence,
                List.of(), 1_000, 1, 1, "worker", false, null, "a");
    }
}
