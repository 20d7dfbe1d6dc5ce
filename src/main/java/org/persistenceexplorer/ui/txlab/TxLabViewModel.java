package org.persistenceexplorer.ui.txlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.persistenceexplorer.service.engine.PoolStatus;
import org.persistenceexplorer.service.txlab.AnomalyTest;
import org.persistenceexplorer.service.txlab.AnomalyTests;
import org.persistenceexplorer.service.txlab.CellResult;
import org.persistenceexplorer.service.txlab.Isolation;
import org.persistenceexplorer.service.txlab.LabSessions;
import org.persistenceexplorer.service.txlab.ScriptRun;
import org.persistenceexplorer.service.txlab.ShopLesson;
import org.persistenceexplorer.service.txlab.StepResult;
import org.persistenceexplorer.service.txlab.TransactionsLab;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.SessionLane;

/**
 * The transactions lab's state and commands: the three session columns (free mode: type a
 * statement into A, B or C), the guided script (step or run it at a level), the anomaly matrix
 * filled cell by cell, the lab's pool, and the shop's lessons. Everything that touches a session
 * or a script runs as a task on the lab's one lane, so a script and the sessions stay with one
 * thread across clicks; a statement waiting for a lock comes back as "waiting" at once, so the
 * lane (and the UI) never waits for another session's COMMIT. FX thread.
 */
public final class TxLabViewModel {

    private static final Duration FREE_MODE_PATIENCE = Duration.ofMillis(700);

    private final BackgroundRunner runner;
    private final TransactionsLab lab;
    private final SessionLane lane;
    private final Map<String, SessionColumn> columns = new LinkedHashMap<>();
    private final ObjectProperty<AnomalyTest> script = new SimpleObjectProperty<>(AnomalyTests.byId("P4"));
    private final ObjectProperty<Isolation> level = new SimpleObjectProperty<>(Isolation.READ_COMMITTED);
    private final ObservableList<ScriptLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CellResult> lastCell = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, CellResult> matrix = FXCollections.observableHashMap();
    private final DoubleProperty matrixProgress = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper pool = new ReadOnlyStringWrapper("lab pool: not open");
    private final ReadOnlyObjectWrapper<PoolStatus> poolStatus = new ReadOnlyObjectWrapper<>(PoolStatus.NONE);
    private final ReadOnlyStringWrapper poolMessage = new ReadOnlyStringWrapper("");
    private final BooleanProperty paymentFails = new SimpleBooleanProperty(false);
    private final IntegerProperty books = new SimpleIntegerProperty(1);
    private final IntegerProperty mugs = new SimpleIntegerProperty(2);
    private final ReadOnlyObjectWrapper<ShopLesson> lesson = new ReadOnlyObjectWrapper<>();
    private ScriptRun run;
    private boolean finished;

    public TxLabViewModel(BackgroundRunner runner, TransactionsLab lab) {
        this.runner = runner;
        this.lab = lab;
        this.lane = runner.lane("txlab");
        for (String name : LabSessions.NAMES) {
            columns.put(name, new SessionColumn(name));
        }
        script.addListener((o, a, b) -> showScript());
        level.addListener((o, a, b) -> showScript());
        showScript();
    }

    /** Migrates the shop, opens the lab's pool and sessions. */
    public void open() {
        busy.set(true);
        runner.task("txlab: open", p -> lab.open()).on(lane)
                .onSuccess(text -> {
                    busy.set(false);
                    ready.set(true);
                    say(text, false);
                })
                .onFailure(this::fail).start();
    }

    public List<SessionColumn> columns() {
        return List.copyOf(columns.values());
    }

    public SessionColumn column(String name) {
        return columns.get(name);
    }

    // ---- guided scripts ----

    public ObjectProperty<AnomalyTest> scriptProperty() {
        return script;
    }

    public ObjectProperty<Isolation> levelProperty() {
        return level;
    }

    /** The chosen script's steps, with results as far as it ran. */
    public ObservableList<ScriptLine> lines() {
        return lines;
    }

    /** How the last finished run came out, with Hermitage's result beside it. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CellResult> lastCellProperty() {
        return lastCell.getReadOnlyProperty();
    }

    private void showScript() {
        run = null;
        finished = false;
        List<ScriptLine> shown = new ArrayList<>();
        AnomalyTest test = script.get();
        for (int i = 0; i < test.steps().size(); i++) {
            shown.add(new ScriptLine(i + 1, test.steps().get(i), null, i == 0));
        }
        lines.setAll(shown);
        verdict.set("");
    }

    /** Runs the script's next step (starting it at the chosen level first). */
    public void step() {
        AnomalyTest test = script.get();
        Isolation at = level.get();
        boolean fresh = run == null || finished;
        ScriptRun current = fresh ? null : run;
        busy.set(true);
        runner.task("txlab: step " + test.id(), p -> {
                    ScriptRun r = current == null ? lab.start(test, at) : current;
                    r.step();
                    CellResult cell = r.allStepsRun() ? r.finish() : null;
                    return new Progressed(r, r.results(), cell);
                }).on(lane)
                .onSuccess(this::show).onFailure(this::fail).start();
    }

    /** Runs the whole script at the chosen level. */
    public void runScript() {
        AnomalyTest test = script.get();
        Isolation at = level.get();
        busy.set(true);
        runner.task("txlab: run " + test.id(), p -> {
                    ScriptRun r = lab.start(test, at);
                    CellResult cell = r.runToEnd();
                    return new Progressed(r, r.results(), cell);
                }).on(lane)
                .onSuccess(this::show).onFailure(this::fail).start();
    }

    private void show(Progressed progressed) {
        busy.set(false);
        run = progressed.run;
        List<ScriptLine> shown = new ArrayList<>();
        AnomalyTest test = progressed.run.test();
        for (int i = 0; i < test.steps().size(); i++) {
            StepResult result = i < progressed.results.size() ? progressed.results.get(i) : null;
            shown.add(new ScriptLine(i + 1, test.steps().get(i), result, i == progressed.results.size()));
        }
        lines.setAll(shown);
        if (progressed.cell != null) {
            finished = true;
            CellResult cell = progressed.cell;
            matrix.put(key(cell.test(), cell.level()), cell);
            lastCell.set(cell);
            verdict.set(TxLabText.verdict(cell));
        } else {
            verdict.set("");
        }
        refresh();
        say("", false);
    }

    // ---- the matrix ----

    /** Every cell run so far, by {@link #key}. */
    public ObservableMap<String, CellResult> matrix() {
        return matrix;
    }

    public static String key(AnomalyTest test, Isolation level) {
        return test.id() + "|" + level.name();
    }

    /** 0..1 while the whole matrix runs. */
    public DoubleProperty matrixProgressProperty() {
        return matrixProgress;
    }

    /** Runs every test at every level; the cells fill in as they are done. */
    public void runMatrix() {
        busy.set(true);
        matrix.clear();
        matrixProgress.set(0);
        int total = AnomalyTests.ALL.size() * Isolation.values().length;
        runner.task("txlab: run the whole matrix", p -> lab.runMatrix(p, cell -> runner.uiThread().execute(() -> {
                    matrix.put(key(cell.test(), cell.level()), cell);
                    matrixProgress.set((double) matrix.size() / total);
                }))).on(lane)
                .onSuccess(cells -> {
                    busy.set(false);
                    matrixProgress.set(1);
                    long agree = cells.stream().filter(CellResult::agrees).count();
                    say("Matrix done: " + agree + " of " + cells.size() + " cells agree with Hermitage's PostgreSQL column.", agree != cells.size());
                    refresh();
                })
                .onFailure(this::fail).start();
    }

    // ---- free mode ----

    /** Runs what is typed in the session's box (free mode). */
    public void runTyped(String name) {
        SessionColumn column = columns.get(name);
        String sql = column.inputProperty().get().trim();
        if (sql.isEmpty()) {
            say("Type a statement into session " + name + " first.", true);
            return;
        }
        runIn(name, sql);
    }

    /** Runs one statement in a session (COMMIT, ROLLBACK, or typed). */
    public void runIn(String name, String sql) {
        runner.task("txlab: session " + name, p -> lab.sessions().run(name, sql, "txlab: session " + name, FREE_MODE_PATIENCE))
                .on(lane)
                .onSuccess(result -> {
                    refresh();
                    say(result.outcome() == StepResult.Outcome.FAILED ? name + ": " + result.message() : "", result.outcome() == StepResult.Outcome.FAILED);
                })
                .onFailure(this::fail).start();
    }

    /** Sets a session's level (refused with a message inside a transaction). */
    public void changeIsolation(String name, Isolation to) {
        if (!ready.get() || to == null || lab.sessions().session(name).isolation() == to) {
            return;
        }
        runner.task("txlab: session " + name + " isolation", p -> {
            lab.sessions().setIsolation(name, to);
            return to;
        }).on(lane).onSuccess(l -> say("Session " + name + " runs its next transactions at " + l.label()
                + (l == Isolation.READ_UNCOMMITTED ? " (PostgreSQL runs it as READ COMMITTED: it never shows uncommitted rows)." : "."), false))
                .onFailure(e -> {
                    columns.get(name).isolationProperty().set(lab.sessions().session(name).isolation());
                    fail(e);
                }).start();
    }

    /** Ends every session's transaction and puts the test table back. */
    public void reset() {
        runner.task("txlab: reset", p -> {
            lab.resetTestTable();
            lab.sessions().clearHistory();
            return null;
        }).on(lane).onSuccess(x -> {
            showScript();
            refresh();
            say("Every session rolled back; the test table is back to 1 => 10, 2 => 20.", false);
        }).onFailure(this::fail).start();
    }

    // ---- the pool ----

    public ReadOnlyStringProperty poolProperty() {
        return pool.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PoolStatus> poolStatusProperty() {
        return poolStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty poolMessageProperty() {
        return poolMessage.getReadOnlyProperty();
    }

    /** Takes every free connection of the lab's pool, then asks for one more (it times out). */
    public void exhaustPool() {
        poolMessage.set("Holding every free connection of the lab's pool, then asking for one more...");
        runner.task("txlab: exhaust the pool", p -> lab.exhaustPool(() -> { }))
                .onSuccess(poolMessage::set).onFailure(this::fail).start();
    }

    // ---- the shop ----

    public BooleanProperty paymentFailsProperty() {
        return paymentFails;
    }

    public IntegerProperty booksProperty() {
        return books;
    }

    public IntegerProperty mugsProperty() {
        return mugs;
    }

    public ReadOnlyObjectProperty<ShopLesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** Ben checks out the chosen mugs and books (and an e-book) through Hibernate. */
    public void checkout() {
        Map<Long, Integer> order = new LinkedHashMap<>();
        if (mugs.get() > 0) {
            order.put(1L, mugs.get());
        }
        if (books.get() > 0) {
            order.put(3L, books.get());
        }
        order.put(4L, 1);
        boolean declined = paymentFails.get();
        runner.task("txlab: checkout", p -> lab.lessons().checkout(2, order, declined))
                .onSuccess(lesson::set).onFailure(this::fail).start();
    }

    /** An order of 2 of every physical product, each line in a savepoint. */
    public void savepoints() {
        runner.task("txlab: order with savepoints", p -> lab.lessons().ordersWithSavepoints(3, 2))
                .onSuccess(lesson::set).onFailure(this::fail).start();
    }

    /** Two edits of order 1; with {@code retry} the refused one is re-applied on a fresh read. */
    public void concurrentEdits(boolean retry) {
        runner.task("txlab: two edits of order 1", p -> lab.lessons().concurrentEdits(1, retry))
                .onSuccess(lesson::set).onFailure(this::fail).start();
    }

    /** Puts the shop's sample rows back. */
    public void resetShop() {
        runner.task("txlab: reset the shop", p -> {
            lab.shop().reset();
            return lab.shop().stock();
        }).onSuccess(stock -> {
            lesson.set(null);
            say("The shop's sample rows are back: stock " + stock.values() + ".", false);
        }).onFailure(this::fail).start();
    }

    // ---- common ----

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void say(String text, boolean error) {
        message.set(text);
        failed.set(error);
    }

    private void fail(Throwable e) {
        busy.set(false);
        say(e.getMessage() == null ? e.toString() : e.getMessage(), true);
        refresh();
    }

    /** On the UI tick: the pool's numbers and each session's statements (in-memory reads, no statement sent). */
    public void refresh() {
        PoolStatus p = lab.pool();
        poolStatus.set(p);
        pool.set(p.max() == 0 ? "lab pool: not open" : "lab pool: " + p.active() + " active · " + p.idle() + " idle · "
                + p.waiting() + " waiting · max " + p.max());
        if (!ready.get()) {
            return;
        }
        LabSessions sessions = lab.sessions();
        for (SessionColumn column : columns.values()) {
            List<StepResult> history = sessions.history(column.name());
            column.show(history, TxLabText.state(sessions.session(column.name()), history, sessions.busy(column.name())));
            if (!sessions.busy(column.name()) && sessions.session(column.name()).isolation() != column.isolationProperty().get()
                    && !busy.get()) {
                column.isolationProperty().set(sessions.session(column.name()).isolation());
            }
        }
    }

    /** The tab closes: every session rolled back, the lab's pool closed. */
    public void close() {
        ready.set(false);
        runner.task("txlab: close", p -> {
            lab.close();
            return null;
        }).on(lane).notUserCancellable().onFailure(e -> { }).start();
        lane.close();
    }

    private record Progressed(ScriptRun run, List<StepResult> results, CellResult cell) {
    }
}
