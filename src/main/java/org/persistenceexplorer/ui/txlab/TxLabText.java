package org.persistenceexplorer.ui.txlab;

import java.util.List;
import org.persistenceexplorer.service.txlab.CellResult;
import org.persistenceexplorer.service.txlab.LabSession;
import org.persistenceexplorer.service.txlab.StepResult;

/** The lab's words for states and verdicts. Stateless. */
final class TxLabText {

    private TxLabText() {
    }

    static String state(LabSession session, List<StepResult> history, boolean busy) {
        StepResult last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (busy && last != null && last.outcome() == StepResult.Outcome.WAITING) {
            return "WAITING for " + String.join(", ", last.blockedBy()) + " (lock)";
        }
        if (busy) {
            return "running…";
        }
        String level = session.isolation().label();
        return switch (session.state()) {
            case IDLE -> session.connected() ? "idle (no transaction) · pid " + session.pid() : "no connection yet";
            case OPEN -> "in a transaction · " + level + " · pid " + session.pid();
            case ABORTED -> "ABORTED: ROLLBACK (or ROLLBACK TO SAVEPOINT) to go on";
        };
    }

    static String verdict(CellResult cell) {
        String hermitage = cell.hermitage() ? "prevented" : "occurs";
        return cell.test().id() + " at " + cell.level().label() + ": " + cell.outcomeText().toUpperCase(java.util.Locale.ROOT)
                + " — " + cell.detail() + ". Hermitage (PostgreSQL): " + hermitage
                + (cell.agrees() ? " ✓ same." : " ✗ DIFFERENT.")
                + (cell.retry().isEmpty() ? "" : " Automatic retry: " + cell.retry() + ".");
    }

    /** Short text for a matrix cell: "prevented · blocked" etc. */
    static String cellHow(CellResult cell) {
        return switch (cell.how()) {
            case OCCURRED -> "occurs";
            case BLOCKED -> "prevented · blocked";
            case ABORTED -> "prevented · aborted " + cell.steps().stream().filter(StepResult::isSerializationFailure)
                    .map(StepResult::sqlState).findFirst().orElse("");
            case NOT_OBSERVABLE -> "prevented · not observable";
        };
    }
}
