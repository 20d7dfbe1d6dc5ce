package org.persistenceexplorer.ui.status;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.persistenceexplorer.domain.statement.Reconciliation;
import org.persistenceexplorer.service.log.ServerReconciliation;
import org.persistenceexplorer.ui.common.BackgroundRunner;

/**
 * The status bar's proof of exactness: the server's own statement count beside the log's,
 * green when equal, amber with the difference (the tooltip names the statement shapes and other
 * clients), a muted note where the server keeps no count or lost it. Compares every
 * {@link #EVERY_MILLIS} ms at most, in the background, one comparison at a time; an answer of
 * "busy" (statements were running) keeps the last one. FX thread.
 */
public final class ReconciliationViewModel {

    /** The action its background task runs under; the status bar does not list it as work. */
    public static final String ACTION = "status: compare with the server";
    static final long EVERY_MILLIS = 2_000;
    static final String EQUAL = "pe-reconcile-equal";
    static final String DIFFERENT = "pe-reconcile-different";
    static final String NONE = "pe-muted";

    private final ServerReconciliation reconciliation;
    private final BackgroundRunner runner;
    private final LongSupplier clock;
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.US);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("server: …");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper("Comparing the statement log with the server's own count…");
    private final ReadOnlyStringWrapper styleClass = new ReadOnlyStringWrapper(NONE);
    private boolean comparing;
    private long lastStarted = Long.MIN_VALUE;

    public ReconciliationViewModel(ServerReconciliation reconciliation, BackgroundRunner runner) {
        this(reconciliation, runner, System::currentTimeMillis);
    }

    ReconciliationViewModel(ServerReconciliation reconciliation, BackgroundRunner runner, LongSupplier clock) {
        this.reconciliation = reconciliation;
        this.runner = runner;
        this.clock = clock;
    }

    /** Call on each UI tick: starts a comparison when one is due. */
    public void refresh() {
        long now = clock.getAsLong();
        if (comparing || (lastStarted != Long.MIN_VALUE && now - lastStarted < EVERY_MILLIS)) {
            return;
        }
        comparing = true;
        lastStarted = now;
        runner.task(ACTION, progress -> reconciliation.check())
                .replacing(ACTION)
                .notUserCancellable()
                .onSuccess(result -> {
                    comparing = false;
                    show(result);
                })
                .onFailure(error -> {
                    comparing = false;
                    show(Reconciliation.without(Reconciliation.State.UNAVAILABLE, String.valueOf(error.getMessage())));
                })
                .onCancelled(() -> comparing = false)
                .start();
    }

    private void show(Reconciliation result) {
        switch (result.state()) {
            case BUSY:
                return;
            case EQUAL:
                text.set("SQL " + numbers.format(result.captured()) + " · server ✓");
                tooltip.set("PostgreSQL's own count (pg_stat_statements) equals the statement log's: "
                        + numbers.format(result.server()) + " statements executed since the last reset.");
                styleClass.set(EQUAL);
                return;
            case DIFFERENT:
                long difference = result.server() - result.captured();
                text.set("SQL " + numbers.format(result.captured()) + " · server " + numbers.format(result.server())
                        + " (" + (difference > 0 ? "+" : "−") + numbers.format(Math.abs(difference)) + ")");
                StringBuilder tip = new StringBuilder("PostgreSQL executed ").append(numbers.format(result.server()))
                        .append(" statements since the last reset, the statement log shows ")
                        .append(numbers.format(result.captured())).append('.');
                result.unexplained().forEach(line -> tip.append("\n  ").append(line));
                tip.append(result.otherClients().isEmpty() ? "\nNo other client is connected to this database now."
                        : "\nOther clients on this database: " + String.join(", ", result.otherClients()));
                tooltip.set(tip.toString());
                styleClass.set(DIFFERENT);
                return;
            case COUNTS_LOST:
                text.set("server count lost");
                tooltip.set(result.message());
                styleClass.set(NONE);
                return;
            default:
                text.set("server count: n/a");
                tooltip.set(result.message());
                styleClass.set(NONE);
        }
    }

    /** The log's successful SQL count beside the server's: "SQL 1,234 · server ✓", "SQL 1,234 · server 1,238 (+4)". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The explanation: what was compared, what differs and who else is connected. */
    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /** The label's one style class: equal (green), different (amber) or muted. */
    public ReadOnlyStringProperty styleClassProperty() {
        return styleClass.getReadOnlyProperty();
    }
}
