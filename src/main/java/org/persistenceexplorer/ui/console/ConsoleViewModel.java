package org.persistenceexplorer.ui.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.domain.console.Completion;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.NamedParameters;
import org.persistenceexplorer.domain.console.Preset;
import org.persistenceexplorer.domain.console.Script;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.service.console.ConsoleFailure;
import org.persistenceexplorer.service.console.QueryConsole;
import org.persistenceexplorer.service.console.RunSettings;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.RunningTask;
import org.persistenceexplorer.ui.common.SessionLane;

/**
 * The Query Console's state and commands: the mode, the time limit, read-only, the parameters
 * of the statement in the editor, the results of the last run (tabs), its error and where it
 * is, the SQL an HQL query became, and the history. Runs go to the console's lane (its SQL
 * cursor lives there); a new run cancels the one still running, on the server. FX thread.
 */
public final class ConsoleViewModel {

    static final String RUN = "console: run";
    static final String FETCH = "console: fetch more";
    static final String COMPLETE = "console: completion";

    private final BackgroundRunner runner;
    private final QueryConsole console;
    private final SessionLane lane;
    private final ConsoleHistory history;

    private final ObjectProperty<ConsoleMode> mode = new SimpleObjectProperty<>(ConsoleMode.SQL);
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(RunSettings.DEFAULT_TIMEOUT_SECONDS);
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canFetchMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ctrl+Enter runs the statement at the caret, "
            + "Ctrl+Shift+Enter the whole script.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper errorOffset = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper generatedSql = new ReadOnlyStringWrapper("");
    private final ObservableList<ResultView> results = FXCollections.observableArrayList();
    private final ObservableList<ParameterRow> parameters = FXCollections.observableArrayList();
    private final ObservableList<Completion.Suggestion> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Completion.Offer> offer = new ReadOnlyObjectWrapper<>();
    private final Map<String, String> remembered = new HashMap<>();
    private Predicate<String> confirmWrite = question -> false;
    private RunningTask current;
    /** The editor's text at the last run, to say where an error is in lines and columns. */
    private String lastScript;
    private ResultView growing;

    public ConsoleViewModel(BackgroundRunner runner, QueryConsole console, ConsoleHistory history, boolean readOnlyAtStart) {
        this.runner = runner;
        this.console = console;
        this.history = history;
        this.lane = runner.lane("console");
        this.readOnly.set(readOnlyAtStart);
    }

    /**
     * A view-model whose console reaches no engine (for loading the view alone, e.g. the test
     * that loads every FXML file); running anything fails with a clear message.
     */
    public static ConsoleViewModel unconnected(BackgroundRunner runner) {
        java.util.function.Supplier<javax.sql.DataSource> none = () -> {
            throw new IllegalStateException("No database in this view");
        };
        QueryConsole console = new QueryConsole(new org.persistenceexplorer.service.console.SqlConsole(none),
                new org.persistenceexplorer.service.console.HqlConsole(
                        new org.persistenceexplorer.service.orm.OrmSessions(none, List.of()),
                        new org.persistenceexplorer.service.log.StatementLog(10)),
                new org.persistenceexplorer.service.console.CypherConsole((c, p, w, m) -> {
                    throw new IllegalStateException("No graph in this view");
                }));
        return new ConsoleViewModel(runner, console, new ConsoleHistory(
                java.util.prefs.Preferences.userRoot().node("org/persistenceexplorer/test/console-unconnected")), false);
    }

    /** Runs the selection if there is one, else the statement at the caret. */
    public void runAt(String script, int caret, int selectionStart, int selectionEnd) {
        lastScript = script;
        ScriptPiece piece = pieceAt(script, caret, selectionStart, selectionEnd);
        if (piece == null) {
            status.set("Nothing to run here.");
            return;
        }
        start(List.of(piece), false, false, false);
    }

    /** Runs every statement of the script in order; stops at the first that fails. */
    public void runScript(String script) {
        lastScript = script;
        List<ScriptPiece> pieces = Script.statements(script, mode.get());
        if (pieces.isEmpty()) {
            status.set("Nothing to run: the script is empty.");
            return;
        }
        start(pieces, false, false, false);
    }

    /** EXPLAIN (analyze: EXPLAIN ANALYZE / PROFILE) of the selection or the statement at the caret. */
    public void explain(String script, int caret, int selectionStart, int selectionEnd, boolean analyze) {
        lastScript = script;
        ScriptPiece piece = pieceAt(script, caret, selectionStart, selectionEnd);
        if (piece == null) {
            status.set("Nothing to explain here.");
            return;
        }
        start(List.of(piece), true, analyze, false);
    }

    private ScriptPiece pieceAt(String script, int caret, int selectionStart, int selectionEnd) {
        if (selectionEnd > selectionStart) {
            String selected = script.substring(selectionStart, selectionEnd);
            List<ScriptPiece> inSelection = Script.statements(selected, mode.get());
            return inSelection.isEmpty() ? null : new ScriptPiece(inSelection.get(0).text(),
                    selectionStart + inSelection.get(0).start());
        }
        return Script.statementAt(script, caret, mode.get());
    }

    private void start(List<ScriptPiece> pieces, boolean explain, boolean analyze, boolean confirmed) {
        ConsoleMode runMode = mode.get();
        RunSettings settings = new RunSettings(Math.max(0, timeoutSeconds.get()), values(), readOnly.get(), confirmed);
        pieces.forEach(p -> history.add(runMode, p.text()));
        error.set("");
        errorOffset.set(-1);
        running.set(true);
        canFetchMore.set(false);
        status.set(pieces.size() == 1 ? "Running…" : "Running " + pieces.size() + " statements…");
        current = runner.task(RUN, progress -> {
                    List<ConsoleRun> runs = new ArrayList<>();
                    for (ScriptPiece piece : pieces) {
                        try {
                            runs.add(explain ? console.explain(runMode, piece, analyze, settings)
                                    : console.run(runMode, piece, settings));
                        } catch (ConsoleFailure failure) {
                            return new Outcome(runs, failure, pieces.subList(pieces.indexOf(piece), pieces.size()), console.hasMoreRows());
                        }
                    }
                    return new Outcome(runs, null, List.of(), console.hasMoreRows());
                })
                .on(lane)
                .replacing(RUN)
                .onSuccess(outcome -> show(outcome, explain, analyze))
                .onFailure(this::showUnexpected)
                .onCancelled(() -> {
                    running.set(false);
                    status.set("Cancelled: the statement was stopped on the server.");
                })
                .start();
    }

    /** What a run brought back: the statements that ran, and the one that failed with those after it. */
    record Outcome(List<ConsoleRun> runs, ConsoleFailure failure, List<ScriptPiece> notRun, boolean more) {
    }

    private void show(Outcome outcome, boolean explain, boolean analyze) {
        running.set(false);
        if (outcome.failure() != null && outcome.failure().reason() == ConsoleFailure.Reason.NEEDS_CONFIRMATION) {
            showRuns(outcome);
            if (confirmWrite.test(outcome.failure().getMessage())) {
                start(outcome.notRun(), explain, analyze, true);
            } else {
                status.set("Not run: the console is read-only.");
            }
            return;
        }
        showRuns(outcome);
        if (outcome.failure() != null) {
            ConsoleFailure f = outcome.failure();
            error.set(f.getMessage() + where(f.scriptOffset()));
            errorOffset.set(f.scriptOffset());
            status.set(outcome.runs().size() + " of " + (outcome.runs().size() + outcome.notRun().size())
                    + " statements ran; " + describe(f.reason()) + ".");
        }
    }

    private void showRuns(Outcome outcome) {
        results.clear();
        growing = null;
        generatedSql.set("");
        List<String> sql = new ArrayList<>();
        long nanos = 0;
        int rows = 0;
        boolean plans = false;
        for (ConsoleRun run : outcome.runs()) {
            nanos += run.elapsedNanos();
            sql.addAll(run.generatedSql());
            for (ConsoleResult result : run.results()) {
                ResultView view = ResultView.of(result);
                results.add(view);
                rows += view.rows().size();
                plans |= view.kind() == ResultView.Kind.PLAN;
                if (view.moreProperty().get()) {
                    growing = view;
                }
            }
        }
        generatedSql.set(String.join(";\n\n", sql));
        canFetchMore.set(outcome.more() && growing != null);
        if (!outcome.runs().isEmpty()) {
            status.set(String.format(Locale.ROOT, "%d %s, %s%s in %.1f ms", outcome.runs().size(),
                    outcome.runs().size() == 1 ? "statement" : "statements",
                    plans && rows == 0 ? "a plan" : rows == 1 ? "1 row" : rows + " rows",
                    canFetchMore.get() ? " so far (more on the server)" : "", nanos / 1e6));
        }
    }

    private String where(int offset) {
        if (offset < 0 || lastScript == null || offset > lastScript.length()) {
            return "";
        }
        String before = lastScript.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - before.lastIndexOf('\n');
        return "\nMarked in the editor: line " + line + ", column " + column + ".";
    }

    private static String describe(ConsoleFailure.Reason reason) {
        return switch (reason) {
            case CANCELLED -> "cancelled";
            case TIMEOUT -> "stopped at the time limit";
            case REFUSED -> "not sent";
            default -> "an error stopped it";
        };
    }

    private void showUnexpected(Throwable t) {
        running.set(false);
        error.set("The console hit an unexpected problem: " + t + ". The app and the data are fine; try again.");
        status.set("Failed.");
    }

    /** Brings the next page of the result that has more. */
    public void fetchMore() {
        ResultView target = growing;
        if (target == null || !canFetchMore.get()) {
            return;
        }
        canFetchMore.set(false);
        running.set(true);
        current = runner.task(FETCH, progress -> console.fetchMore())
                .on(lane)
                .replacing(RUN)
                .onSuccess(page -> {
                    running.set(false);
                    target.append(page);
                    canFetchMore.set(page.more());
                    status.set(target.rows().size() + " rows" + (page.more() ? " so far (more on the server)" : ""));
                })
                .onFailure(t -> {
                    running.set(false);
                    target.noMore();
                    error.set(t.getMessage());
                })
                .onCancelled(() -> running.set(false))
                .start();
    }

    /** Stops the running statement on the server. */
    public void cancel() {
        RunningTask task = current;
        if (task != null && running.get()) {
            status.set("Cancelling…");
            task.cancel();
        }
    }

    /** Puts a preset's mode and parameter values in place; the view puts its text in the editor. */
    public void choosePreset(Preset preset) {
        mode.set(preset.mode());
        remembered.putAll(preset.parameters());
        updateParameters(preset.text());
        status.set(preset.title() + ": " + preset.teaches() + " Ctrl+Enter runs it.");
    }

    /** Lists the named parameters of the text (keeping values typed before). */
    public void updateParameters(String script) {
        parameters.forEach(p -> remembered.put(p.name(), p.valueProperty().get()));
        List<String> names = NamedParameters.names(script, mode.get());
        if (names.equals(parameters.stream().map(ParameterRow::name).toList())) {
            return;
        }
        parameters.setAll(names.stream().map(n -> new ParameterRow(n, remembered.getOrDefault(n, ""))).toList());
    }

    private Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        parameters.forEach(p -> values.put(p.name(), p.valueProperty().get() == null ? "" : p.valueProperty().get()));
        return values;
    }

    /** The result as CSV (RFC 4180 quoting; NULL as an empty field). */
    public static String csv(ResultView result) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", result.columns().stream().map(c -> quote(c.name())).toList())).append("\r\n");
        for (List<String> row : result.rows()) {
            out.append(String.join(",", row.stream().map(v -> v == null ? "" : quote(v)).toList())).append("\r\n");
        }
        return out.toString();
    }

    /** The result as tab-separated text for the clipboard. */
    public static String tabSeparated(ResultView result) {
        StringBuilder out = new StringBuilder();
        out.append(String.join("\t", result.columns().stream().map(c -> c.name()).toList())).append('\n');
        for (List<String> row : result.rows()) {
            out.append(String.join("\t", row.stream().map(v -> v == null ? "NULL" : v.replace('\t', ' ').replace('\n', ' ')).toList()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Who answers "run this write?" (a dialog in the app); default no. */
    public void setConfirmWrite(Predicate<String> question) {
        this.confirmWrite = question;
    }

    /** Gives back a held result's connection and ends the lane (the tab closes). */
    public void close() {
        RunningTask task = current;
        if (task != null) {
            task.cancel();
        }
        runner.task("console: close", progress -> {
            console.closeResults();
            return null;
        }).on(lane).notUserCancellable().onSuccess(x -> lane.close()).onFailure(t -> lane.close()).start();
    }

    /** The tab was hidden: an open cursor would hold a connection and a transaction; give them back. */
    public void hidden() {
        if (canFetchMore.get()) {
            canFetchMore.set(false);
            if (growing != null) {
                growing.noMore();
            }
            runner.task("console: close results", progress -> {
                console.closeResults();
                return null;
            }).on(lane).notUserCancellable().start();
        }
    }

    public ObjectProperty<ConsoleMode> modeProperty() {
        return mode;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canFetchMoreProperty() {
        return canFetchMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last run's error in the server's words, "" when it succeeded. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the error is in the editor's text, -1 when the engine did not say. */
    public ReadOnlyIntegerProperty errorOffsetProperty() {
        return errorOffset.getReadOnlyProperty();
    }

    /** For HQL: the SQL Hibernate sent for the query, "" otherwise. */
    public ReadOnlyStringProperty generatedSqlProperty() {
        return generatedSql.getReadOnlyProperty();
    }

    public ObservableList<ResultView> results() {
        return results;
    }

    public ObservableList<ParameterRow> parameters() {
        return parameters;
    }

    public ConsoleHistory history() {
        return history;
    }

    /**
     * Asks for what can be typed at the caret (Ctrl+Space, or a typed dot): worked out off the
     * FX thread (the first time, and after DDL, the catalog is read through the captured pool);
     * {@link #offerProperty()} and {@link #suggestions()} follow. A newer request replaces an
     * older one still working. Not on the console's lane: a long run must not hold completion up.
     */
    public void complete(String script, int caret) {
        ConsoleMode now = mode.get();
        runner.task(COMPLETE, progress -> {
                    try {
                        return console.complete(now, script, caret);
                    } catch (java.sql.SQLException | IllegalStateException e) {
                        // The catalog could not be read (server gone, no rights, no database in this
                        // view): keywords still help.
                        return Completion.at(script, caret, now, org.persistenceexplorer.domain.console.CatalogNames.EMPTY);
                    }
                })
                .replacing(COMPLETE)
                .notUserCancellable()
                .onSuccess(found -> {
                    suggestions.setAll(found.suggestions());
                    offer.set(found);
                })
                .onFailure(t -> closeCompletion())
                .start();
    }

    /** Puts the chosen suggestion in place of the word typed so far: the new text and caret. */
    public Edit accept(String script, Completion.Suggestion suggestion) {
        Completion.Offer current = offer.get();
        closeCompletion();
        if (current == null || current.caret() > script.length()) {
            return null;
        }
        return new Edit(current.start(), current.caret(), suggestion.text());
    }

    /** Replace {@code [start, end)} of the editor's text with {@code text}. */
    public record Edit(int start, int end, String text) {
    }

    public void closeCompletion() {
        offer.set(null);
        suggestions.clear();
    }

    /** What completion offers now (null: nothing open). */
    public ReadOnlyObjectProperty<Completion.Offer> offerProperty() {
        return offer.getReadOnlyProperty();
    }

    public ObservableList<Completion.Suggestion> suggestions() {
        return suggestions;
    }
}
