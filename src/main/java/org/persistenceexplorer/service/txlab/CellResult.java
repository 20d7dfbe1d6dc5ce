package org.persistenceexplorer.service.txlab;

import java.util.List;

/**
 * One cell of the anomaly matrix: a test run at a level, what happened and how, beside
 * Hermitage's published result. Immutable.
 *
 * @param test        the test
 * @param level       the level every session ran at
 * @param how         occurred, or how it was prevented
 * @param detail      the how in words, naming the step ("aborted with 40001 at step 6, B: update ...")
 * @param hermitage   true when Hermitage says PostgreSQL prevents it at this level
 * @param steps       each step's final result, in script order
 * @param waitedUntil for each step that waited, the step after which it went on (else 0), 1-based
 * @param retry       the automatic retry of an aborted transaction ("" when none was needed)
 * @param retrySteps  the retried transaction's results
 */
public record CellResult(AnomalyTest test, Isolation level, Prevention how, String detail, boolean hermitage,
                         List<StepResult> steps, List<Integer> waitedUntil, String retry, List<StepResult> retrySteps) {

    public CellResult {
        steps = List.copyOf(steps);
        waitedUntil = List.copyOf(waitedUntil);
        retrySteps = List.copyOf(retrySteps);
    }

    public boolean occurred() {
        return how == Prevention.OCCURRED;
    }

    /** True when the run agrees with Hermitage's published PostgreSQL result. */
    public boolean agrees() {
        return occurred() != hermitage;
    }

    /** "prevented (blocked)", "occurs". */
    public String outcomeText() {
        return occurred() ? "occurs" : "prevented";
    }
}
