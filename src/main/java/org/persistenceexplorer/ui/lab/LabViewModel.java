package org.persistenceexplorer.ui.lab;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.lab.LabRun;
import org.persistenceexplorer.service.lab.LabStatement;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.lab.Strategy;
import org.persistenceexplorer.ui.common.BackgroundRunner;

/**
 * The loading lab's state: the chosen scenario, N, the batch size k, the simulated round trip,
 * the runs shown side by side, and step mode over one run's statements. Runs go through the
 * background runner (a new run replaces one still running); the choices are remembered in the
 * feature's settings. FX thread only.
 */
public final class LabViewModel {

    static final String RUN_KEY = "lab-run";
    /** Every action label of the lab starts so. */
    static final String LAB_ACTIONS = "lab:";

    private final BackgroundRunner runner;
    private final LoadingLab lab;
    private final Preferences settings;

    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.DEPARTMENTS_EMPLOYEES);
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.LAZY);
    private final IntegerProperty parents = new SimpleIntegerProperty(100);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(25);
    private final IntegerProperty simulatedDelayMs = new SimpleIntegerProperty(0);
    private final ObservableList<LabRun> runs = FXCollections.observableArrayList();
    private final ObservableList<LessonCard> lessonCards = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");

    private final ObjectProperty<LabRun> stepped = new SimpleObjectProperty<>();
    private final IntegerProperty step = new SimpleIntegerProperty(-1);
    private final StringProperty stepText = new SimpleStringProperty("");

    private final org.persistenceexplorer.service.log.ActionTotals totals;
    private final StringProperty counters = new SimpleStringProperty("");

    public LabViewModel(BackgroundRunner runner, LoadingLab lab, Preferences settings) {
        this(runner, lab, settings, null);
    }

    /** @param totals the per-action totals the lab's counters come from (reset apart from the log), or null */
    public LabViewModel(BackgroundRunner runner, LoadingLab lab, Preferences settings,
                        org.persistenceexplorer.service.log.ActionTotals totals) {
        this.runner = runner;
        this.lab = lab;
        this.settings = settings;
        this.totals = totals;
        refreshCounters();
        scenario.set(remembered("scenario", Scenario.class, Scenario.DEPARTMENTS_EMPLOYEES));
        strategy.set(remembered("strategy", Strategy.class, Strategy.LAZY));
        parents.set(LabSizes.at(LabSizes.positionOf(settings.getInt("parents", 100))));
        batchSize.set(Math.max(1, Math.min(1000, settings.getInt("batchSize", 25))));
        scenario.addListener((o, a, b) -> settings.put("scenario", b.name()));
        strategy.addListener((o, a, b) -> settings.put("strategy", b.name()));
        parents.addListener((o, a, b) -> settings.putInt("parents", b.intValue()));
        batchSize.addListener((o, a, b) -> settings.putInt("batchSize", b.intValue()));
        step.addListener((o, a, b) -> stepText.set(describeStep()));
        stepped.addListener((o, a, b) -> stepText.set(describeStep()));
    }

    private <E extends Enum<E>> E remembered(String key, Class<E> type, E fallback) {
        try {
            return Enum.valueOf(type, settings.get(key, fallback.name()));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Runs the chosen strategy alone. */
    public void runOne() {
        Scenario sc = scenario.get();
        Strategy st = strategy.get();
        int n = parents.get();
        int k = batchSize.get();
        int delay = simulatedDelayMs.get();
        start("lab: run " + st.label(), p -> List.of(lab.run(sc, st, n, k, delay)));
    }

    /** Runs every strategy on the chosen scenario, side by side. */
    public void runAll() {
        Scenario sc = scenario.get();
        int n = parents.get();
        int k = batchSize.get();
        int delay = simulatedDelayMs.get();
        start("lab: run all", p -> lab.runAll(sc, n, k, delay));
    }

    private void start(String action, org.persistenceexplorer.service.work.Work<List<LabRun>> work) {
        running.set(true);
        message.set("Running… (seeding " + parents.get() + " departments first if needed)");
        runner.task(action, work)
                .replacing(RUN_KEY)
                .onSuccess(result -> {
                    running.set(false);
                    refreshCounters();
                    lessonCards.clear();
                    runs.setAll(result);
                    message.set(summary(result));
                    startStepping(result.isEmpty() ? null : result.get(0));
                })
                .onFailure(e -> {
                    running.set(false);
                    message.set("The run failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                })
                .onCancelled(() -> {
                    running.set(false);
                    message.set("Run cancelled.");
                })
                .start();
    }

    /** The bulk lesson: per row, batched, one HQL UPDATE, side by side. */
    public void runBulk() {
        int n = parents.get();
        startLesson("lab: bulk update", p -> {
            List<org.persistenceexplorer.service.lab.BulkRun> bulk = lab.raiseSalaries(n);
            return java.util.stream.IntStream.range(0, bulk.size()).mapToObj(i -> LessonCard.of(bulk.get(i), i)).toList();
        }, "Bulk: " + n * 3 + " salaries raised three ways (each rolled back: the lab's data stays as seeded)");
    }

    /** The second-level cache lesson: cold, warm, after a bulk update. */
    public void runCache() {
        int n = parents.get();
        startLesson("lab: second-level cache", p -> {
            List<org.persistenceexplorer.service.lab.CacheRun> cache = lab.secondLevelCache(n);
            return java.util.stream.IntStream.range(0, cache.size()).mapToObj(i -> LessonCard.of(cache.get(i), i)).toList();
        }, "Second-level cache (JCache, Ehcache 3): the same read of " + n + " departments five times: cold, warm, "
                + "after a bulk UPDATE through Hibernate (invalidated), after an SQL UPDATE outside it (stale), after an evict");
    }

    /**
     * Empties the second-level cache: the way out after a write Hibernate did not see (the
     * console, psql). The next cached read goes to the server.
     */
    public void evictCache() {
        runner.task("lab: evict second-level cache", p -> {
                    lab.evictCache();
                    return null;
                })
                .onSuccess(x -> message.set("Second-level cache emptied: the next read goes to the server and sees "
                        + "what the database says now."))
                .onFailure(e -> message.set("Could not empty the cache: " + e.getMessage()))
                .start();
    }

    private void startLesson(String action, org.persistenceexplorer.service.work.Work<List<LessonCard>> work, String done) {
        running.set(true);
        message.set("Running…");
        runner.task(action, work)
                .replacing(RUN_KEY)
                .onSuccess(cards -> {
                    running.set(false);
                    refreshCounters();
                    runs.clear();
                    lessonCards.setAll(cards);
                    message.set(done);
                    startStepping(null);
                })
                .onFailure(e -> {
                    running.set(false);
                    message.set("The run failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                })
                .onCancelled(() -> {
                    running.set(false);
                    message.set("Run cancelled.");
                })
                .start();
    }

    /** The lab's counters since their last reset: every statement of a "lab:" action. */
    public void refreshCounters() {
        if (totals == null) {
            return;
        }
        var t = totals.sumOf(LAB_ACTIONS);
        counters.set(t.statements() == 0 ? "Lab counters: nothing run since the last reset"
                : String.format(java.util.Locale.ROOT, "Lab counters: %,d statements (%,d SELECTs, %,d rows read%s), %,.1f ms",
                t.statements(), t.selects(), t.rows(), t.errors() == 0 ? "" : ", " + t.errors() + " failed", t.millis()));
    }

    /** Zero for the lab's counters; the statement log keeps every record and its own counters. */
    public void resetCounters() {
        if (totals != null) {
            totals.resetWhere(LAB_ACTIONS);
        }
        refreshCounters();
    }

    public ReadOnlyStringProperty countersProperty() {
        return counters;
    }

    /** The bulk or cache lesson's cards (empty while strategy runs are shown). */
    ObservableList<LessonCard> lessonCards() {
        return lessonCards;
    }

    private static String summary(List<LabRun> result) {
        if (result.isEmpty()) {
            return "";
        }
        LabRun first = result.get(0);
        return first.scenario().label() + ", N = " + first.parents() + ": SELECTs per strategy "
                + String.join(" / ", result.stream().map(r -> Long.toString(r.selects())).toList())
                + (first.simulatedDelayMs() > 0 ? "  (with a SIMULATED " + first.simulatedDelayMs() + " ms round trip per statement)" : "");
    }

    /** Step mode: walks the run's statements one at a time, from the first. */
    public void startStepping(LabRun run) {
        stepped.set(run);
        step.set(run == null || run.statements().isEmpty() ? -1 : 0);
        stepText.set(describeStep());
    }

    public void nextStep() {
        LabRun run = stepped.get();
        if (run != null && step.get() < run.statements().size() - 1) {
            step.set(step.get() + 1);
        }
    }

    public void previousStep() {
        if (step.get() > 0) {
            step.set(step.get() - 1);
        }
    }

    private String describeStep() {
        LabRun run = stepped.get();
        int i = step.get();
        if (run == null || i < 0 || i >= run.statements().size()) {
            return "";
        }
        LabStatement s = run.statements().get(i);
        return "Statement " + (i + 1) + " of " + run.statements().size() + "  ·  " + run.strategy().label()
                + "\nJava:  " + s.javaLine()
                + "\nSQL:   " + s.text()
                + (s.parameters().isEmpty() ? "" : "\n       parameters " + s.parameters());
    }

    /** The largest SELECT count among the runs shown (for the bars). */
    public long maxSelects() {
        return runs.stream().mapToLong(LabRun::selects).max().orElse(1);
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public IntegerProperty parentsProperty() {
        return parents;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty simulatedDelayMsProperty() {
        return simulatedDelayMs;
    }

    public ObservableList<LabRun> runs() {
        return runs;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText;
    }

    public ObjectProperty<LabRun> steppedProperty() {
        return stepped;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    /** True while there is a later statement to step to. */
    public BooleanBinding canStepForward() {
        return Bindings.createBooleanBinding(() -> stepped.get() != null && step.get() < stepped.get().statements().size() - 1,
                stepped, step);
    }
}
