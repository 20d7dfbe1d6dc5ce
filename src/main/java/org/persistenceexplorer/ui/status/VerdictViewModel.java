package org.persistenceexplorer.ui.status;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.persistenceexplorer.service.log.LogVerdicts;
import org.persistenceexplorer.service.log.Verdict;

/**
 * The log's verdict, always in sight: while an N+1 or unused eager load is open, the status
 * bar says so ("N+1: Department.employees x100"), its tooltip has the fix and the rule, and a
 * click opens the group in the log. Reads {@link LogVerdicts} once per UI tick (its own work is
 * bounded by what arrived since the last tick). FX thread.
 */
public final class VerdictViewModel {

    private final LogVerdicts verdicts;
    private final Consumer<Verdict> openInLog;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper("");
    private Verdict shown;

    /** @param openInLog shows a verdict's statements in the log panel (sets its filter) */
    private long seen = -1;

    public VerdictViewModel(LogVerdicts verdicts, Consumer<Verdict> openInLog) {
        this.verdicts = verdicts;
        this.openInLog = openInLog;
    }

    /** Call on each UI tick. */
    public void refresh() {
        verdicts.update();
        long now = verdicts.changes();
        if (now == seen) {
            return; // nothing arrived, reported or dismissed since the last tick: the same verdicts
        }
        seen = now;
        List<Verdict> open = verdicts.openLoadingVerdicts();
        if (open.isEmpty()) {
            shown = null;
            text.set("");
            tooltip.set("");
            return;
        }
        shown = open.get(open.size() - 1);
        text.set("⚠ " + shown.headline() + (open.size() > 1 ? "  (+" + (open.size() - 1) + " more)" : ""));
        StringBuilder tip = new StringBuilder();
        for (int i = open.size() - 1; i >= 0 && i >= open.size() - 5; i--) {
            Verdict v = open.get(i);
            tip.append(v.headline()).append("  in \"").append(v.action()).append("\"\n  ").append(v.fix()).append("\n\n");
        }
        tip.append(LogVerdicts.RULE).append("\nClick: show these statements in the log.");
        tooltip.set(tip.toString());
    }

    /** Shows the newest verdict's statements in the log. */
    public void open() {
        if (shown != null) {
            openInLog.accept(shown);
        }
    }

    /** Hides the open verdicts until new ones come. */
    public void dismiss() {
        verdicts.dismissAll();
        refresh();
    }

    /** "" while no verdict is open. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }
}
