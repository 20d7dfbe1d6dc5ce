package org.persistenceexplorer.ui.status;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.engine.PoolStatus;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.work.Work;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.RunningTask;

/**
 * The status bar: each engine's state and address, the statement counters, the pool and what
 * runs in the background. Polled on each UI tick (bounded rate); FX thread.
 */
public final class StatusBarViewModel {

    private final Supplier<List<EngineStatus>> engines;
    private final Supplier<PoolStatus> pool;
    private final StatementLog log;
    private final BackgroundRunner runner;
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.US);

    private final ObservableList<EngineStatus> engineStatuses = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("0 statements");
    private final ReadOnlyStringWrapper perKind = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper poolText = new ReadOnlyStringWrapper("pool: —");
    private final ReadOnlyStringWrapper poolDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper background = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper anyFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper uiThreadWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper engineProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper retryOutcome = new ReadOnlyStringWrapper("");
    private final Work<String> retryWork;

    /**
     * @param retry re-runs the startup steps not done yet; returns null when every step has now
     *              succeeded, else what went wrong, in the user's words
     */
    public StatusBarViewModel(Supplier<List<EngineStatus>> engines, Supplier<PoolStatus> pool,
                              StatementLog log, BackgroundRunner runner, Work<String> retry) {
        this.engines = engines;
        this.pool = pool;
        this.log = log;
        this.runner = runner;
        this.retryWork = retry;
    }

    /** Retries what failed; the outcome (also a failure at once) shows beside the button. */
    public void retry() {
        if (retrying.get()) {
            return;
        }
        retrying.set(true);
        retryOutcome.set("Retrying…");
        runner.task("startup: retry", retryWork)
                .notUserCancellable()
                .onSuccess(problem -> {
                    retrying.set(false);
                    retryOutcome.set(problem == null ? "" : "Retry failed: " + problem);
                })
                .onFailure(error -> {
                    retrying.set(false);
                    retryOutcome.set("Retry failed: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
                })
                .start();
    }

    /** Stops the background work the user may stop (what the status bar shows as running). */
    public void cancelBackground() {
        List.copyOf(runner.running()).stream().filter(RunningTask::userCancellable).forEach(RunningTask::cancel);
    }

    /** Reads the services once; call on each UI tick. */
    public void refresh() {
        List<EngineStatus> now = engines.get();
        if (!now.equals(engineStatuses)) {
            engineStatuses.setAll(now);
        }
        anyFailed.set(now.stream().anyMatch(s -> s.state() == EngineStatus.State.FAILED));
        // A lost engine says what happened and what the app is doing about it, in words, not only in red.
        engineProblem.set(now.stream().filter(EngineStatus::inTrouble).findFirst()
                .map(EngineStatus::detail).orElse(""));
        if (!anyFailed.get() && !retrying.get()) {
            retryOutcome.set("");
        }

        StatementLog.Counters counters = log.counters();
        total.set(numbers.format(counters.total()) + (counters.total() == 1 ? " statement" : " statements")
                + (counters.errors() > 0 ? " · " + numbers.format(counters.errors()) + " failed" : ""));
        perKind.set(java.util.Arrays.stream(StatementKind.values())
                .filter(kind -> counters.of(kind) > 0)
                .map(kind -> kind.label() + " " + numbers.format(counters.of(kind)))
                .collect(Collectors.joining("  ")));
        uiThreadWarning.set(counters.uiThreadStatements() == 0 ? ""
                : counters.uiThreadStatements() + " on the UI thread!");

        PoolStatus p = pool.get();
        poolText.set(p.max() == 0 ? "pool: —"
                : "pool " + p.active() + " active · " + p.idle() + " idle · " + p.waiting() + " waiting");
        poolDetail.set(p.max() == 0 ? "" : "Connection pool (HikariCP): " + p.total() + " of at most " + p.max()
                + " connections open; " + p.waiting() + " callers waiting for one.");

        // The reconciliation's comparison every 2 s is not the user's work.
        List<RunningTask> tasks = runner.running().stream()
                .filter(t -> !ReconciliationViewModel.ACTION.equals(t.action())).toList();
        busy.set(!tasks.isEmpty());
        cancellable.set(tasks.stream().anyMatch(t -> t.userCancellable() && !t.isCancelled()));
        if (tasks.isEmpty()) {
            background.set("");
        } else {
            RunningTask first = tasks.get(0);
            String what = first.messageProperty().get().isEmpty() ? first.action() : first.messageProperty().get();
            background.set(what + (tasks.size() > 1 ? " (+" + (tasks.size() - 1) + " more)" : ""));
        }
    }

    /**
     * Text for one engine, short enough for the status bar: "PostgreSQL up · embedded :5432"
     * or "Neo4j starting · db.example.org:7687". The full address is in the tooltip.
     */
    public static String describe(EngineStatus status) {
        StringBuilder text = new StringBuilder(status.engine().label()).append(' ').append(status.state().label());
        String address = status.address();
        if (status.embedded()) {
            int colon = address.indexOf(':');
            String port = colon < 0 ? "" : address.substring(colon).replaceAll("/.*", "");
            text.append(" · embedded").append(port.isEmpty() ? "" : " " + port);
        } else if (!address.isEmpty()) {
            text.append(" · ").append(address);
        }
        if (!status.detail().isEmpty() && !status.inTrouble()) {
            text.append(" (").append(status.detail()).append(')');
        }
        return text.toString();
    }

    public ObservableList<EngineStatus> engineStatuses() {
        return engineStatuses;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty perKindProperty() {
        return perKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty poolProperty() {
        return poolText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty poolDetailProperty() {
        return poolDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backgroundProperty() {
        return background.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty anyFailedProperty() {
        return anyFailed.getReadOnlyProperty();
    }

    /** What went wrong with the first engine in trouble (failed or lost), or "". */
    public ReadOnlyStringProperty engineProblemProperty() {
        return engineProblem.getReadOnlyProperty();
    }

    /** True while background work runs that the user may cancel. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryingProperty() {
        return retrying.getReadOnlyProperty();
    }

    /** "Retrying…", "Retry failed: ..." or "". */
    public ReadOnlyStringProperty retryOutcomeProperty() {
        return retryOutcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty uiThreadWarningProperty() {
        return uiThreadWarning.getReadOnlyProperty();
    }
}
