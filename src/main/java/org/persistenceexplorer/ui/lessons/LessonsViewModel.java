package org.persistenceexplorer.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.lessons.Course;
import org.persistenceexplorer.service.lessons.Lesson;
import org.persistenceexplorer.service.lessons.LessonStep;
import org.persistenceexplorer.service.lessons.StatementPattern;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.log.LogHighlight;

/**
 * The Lessons panel's state: the course, the open lesson and its step, what the step's
 * statements were (read from the statement log on the ticker, an arrival cursor of its own),
 * whether its claim holds, whether the learner's turn was recognised, the log highlight, the
 * done lessons (remembered) and the "Start here" note. Commands run through the
 * {@link CommandRegistry}. Presenting: {@link #advance()} (Page Down) shows, does, or goes on;
 * {@link #back()} (Page Up) goes back. FX thread; no engine work of its own.
 */
public final class LessonsViewModel {

    private static final String DISMISSED = "startHereDismissed";
    private static final int MAX_STEP_STATEMENTS = 10_000;

    private final Course course;
    private final CommandRegistry commands;
    private final StatementLog log;
    private final Preferences progress;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final IntegerProperty step = new SimpleIntegerProperty(-1);
    private final ReadOnlyBooleanWrapper performed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper recognised = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper claimHolds = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper seen = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LogHighlight> highlight = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper startHere = new ReadOnlyBooleanWrapper();
    private final ObservableSet<String> done = FXCollections.observableSet();
    /** One wrapper, kept: a wrapper made per call forwards changes only while someone holds it. */
    private final ObservableSet<String> doneView = FXCollections.unmodifiableObservableSet(done);
    private final List<CapturedStatement> stepStatements = new ArrayList<>();
    private long cursor = -1;
    /** A step just ran: its verdict is due even if it caused nothing (a claim of no statements). */
    private boolean verdictDue;

    /**
     * @param progress where done lessons and the dismissed "Start here" are remembered
     */
    public LessonsViewModel(Course course, CommandRegistry commands, StatementLog log, Preferences progress) {
        this.course = course;
        this.commands = commands;
        this.log = log;
        this.progress = progress;
        for (Course.Entry entry : course.entries()) {
            if (progress.getBoolean("done." + entry.id(), false)) {
                done.add(entry.id());
            }
        }
        startHere.set(!progress.getBoolean(DISMISSED, false) && !course.lessons().isEmpty());
        step.addListener((obs, old, now) -> stepChanged());
    }

    public Course course() {
        return course;
    }

    /** Opens a lesson at its first step (a lesson that did not load says why). */
    public void open(String id) {
        Optional<Course.Entry> entry = course.entry(id);
        if (entry.isEmpty()) {
            problem.set("There is no lesson " + id + ".");
            return;
        }
        if (!entry.get().loaded()) {
            problem.set("This lesson could not be loaded: " + entry.get().problem());
            return;
        }
        problem.set("");
        lesson.set(entry.get().lesson());
        step.set(-1);
        step.set(0);
    }

    /** The first lesson of the course, from "Start here" (and the note goes away). */
    public void startHere() {
        dismissStartHere();
        course.lessons().stream().findFirst().ifPresent(l -> open(l.id()));
    }

    public void dismissStartHere() {
        startHere.set(false);
        progress.putBoolean(DISMISSED, true);
    }

    private void stepChanged() {
        performed.set(false);
        recognised.set(false);
        claimHolds.set(false);
        seen.set("");
        verdict.set("");
        highlight.set(null);
        stepStatements.clear();
        // A Show me step watches from its Show me on, not before (nor what Reset just sent).
        cursor = -1;
        verdictDue = false;
        LessonStep s = current();
        if (s != null && s.kind() == LessonStep.Kind.YOUR_TURN) {
            // Your turn watches from the moment it is asked.
            startWatching();
            verdict.set("Waiting for you…");
        }
    }

    /** The step shown now, or null. */
    public LessonStep current() {
        Lesson l = lesson.get();
        int i = step.get();
        return l == null || i < 0 || i >= l.steps().size() ? null : l.steps().get(i);
    }

    /** Show me: runs the step's command and starts marking the statements it causes. */
    public void showMe() {
        LessonStep s = current();
        if (s == null) {
            return;
        }
        if (s.kind() == LessonStep.Kind.SHOW_ME || !performed.get()) {
            startWatching();
        }
        performed.set(true);
        verdictDue = true;
        try {
            commands.run(s.command(), s.arguments());
            problem.set("");
        } catch (RuntimeException e) {
            problem.set("The step could not run: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        refresh();
    }

    private void startWatching() {
        cursor = log.position().cursor();
        stepStatements.clear();
        highlight.set(null);
    }

    /** Page Down: show the step if not shown (do the learner's turn if not done), else the next step. */
    public void advance() {
        LessonStep s = current();
        if (s == null) {
            return;
        }
        if (s.kind() == LessonStep.Kind.SHOW_ME && !performed.get()
                || s.kind() == LessonStep.Kind.YOUR_TURN && !recognised.get() && !performed.get()) {
            showMe();
        } else {
            next();
        }
    }

    /** Page Up: the step before. */
    public void back() {
        previous();
    }

    public void next() {
        Lesson l = lesson.get();
        if (l != null && step.get() < l.steps().size() - 1) {
            step.set(step.get() + 1);
        }
    }

    public void previous() {
        if (step.get() > 0) {
            step.set(step.get() - 1);
        }
    }

    /** Puts the data back as the lesson expects it (its reset commands) and starts it again. */
    public void reset() {
        Lesson l = lesson.get();
        if (l == null) {
            return;
        }
        for (Lesson.CommandCall call : l.reset()) {
            try {
                commands.run(call.command(), call.arguments());
            } catch (RuntimeException e) {
                problem.set("Reset could not run " + call.command() + ": " + e.getMessage());
                return;
            }
        }
        step.set(-1);
        step.set(0);
    }

    /** On the ticker: reads the statements that arrived, marks the step's, checks its claim or the learner's turn. */
    public void refresh() {
        LessonStep s = current();
        if (s == null || cursor < 0) {
            return;
        }
        StatementLog.Page page = log.readFrom(cursor);
        cursor = page.next();
        boolean changed = false;
        for (CapturedStatement statement : page.statements()) {
            if (stepStatements.size() >= MAX_STEP_STATEMENTS) {
                break;
            }
            if (s.highlight() == null || statement.action() != null
                    && statement.action().toLowerCase(java.util.Locale.ROOT).startsWith(s.highlight().toLowerCase(java.util.Locale.ROOT))) {
                stepStatements.add(statement);
                changed = true;
            }
            if (s.kind() == LessonStep.Kind.YOUR_TURN && !recognised.get() && s.recognise().matches(statement)) {
                recognised.set(true);
            }
        }
        if (!changed && !verdictDue && !(s.kind() == LessonStep.Kind.YOUR_TURN && recognised.get()
                && verdict.get().startsWith("Waiting"))) {
            return;
        }
        verdictDue = false;
        if (!stepStatements.isEmpty()) {
            long from = stepStatements.stream().mapToLong(CapturedStatement::sequence).min().orElse(0);
            long to = stepStatements.stream().mapToLong(CapturedStatement::sequence).max().orElse(0);
            highlight.set(new LogHighlight(from, to, s.highlight()));
        }
        seen.set(describe(stepStatements));
        if (s.kind() == LessonStep.Kind.SHOW_ME) {
            List<String> misses = misses(s, stepStatements);
            claimHolds.set(misses.isEmpty());
            verdict.set(misses.isEmpty() ? "✓ As claimed: " + String.join("; ", s.expect().stream().map(StatementPattern::describe).toList())
                    : "Not yet: " + String.join("; ", misses));
        } else if (recognised.get()) {
            verdict.set("✓ Recognised: " + s.recognise().describe() + ". " + s.look());
        }
        if (isLastStepDone()) {
            markDone(lesson.get().id());
        }
    }

    private boolean isLastStepDone() {
        Lesson l = lesson.get();
        LessonStep s = current();
        return l != null && step.get() == l.steps().size() - 1
                && (s.kind() == LessonStep.Kind.SHOW_ME ? claimHolds.get() : recognised.get());
    }

    /** What the step's claims miss in these statements (empty: it holds). */
    static List<String> misses(LessonStep step, List<CapturedStatement> statements) {
        List<String> misses = new ArrayList<>();
        for (StatementPattern p : step.expect()) {
            p.check(statements).ifPresent(misses::add);
        }
        return misses;
    }

    /** "12 statements: 11 SELECT, 1 TX". */
    static String describe(List<CapturedStatement> statements) {
        if (statements.isEmpty()) {
            return "";
        }
        java.util.Map<StatementKind, Long> kinds = new java.util.EnumMap<>(StatementKind.class);
        statements.forEach(s -> kinds.merge(s.kind(), (long) s.executions(), Long::sum));
        long failed = statements.stream().filter(s -> !s.succeeded()).count();
        long total = kinds.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, n) -> parts.add(n + " " + k.label()));
        return total + " statement" + (total == 1 ? "" : "s") + " marked in the log: " + String.join(", ", parts)
                + (failed > 0 ? " (" + failed + " failed)" : "");
    }

    /** The statements the current step caused so far (those under its highlight), in arrival order. */
    public List<CapturedStatement> stepStatements() {
        return List.copyOf(stepStatements);
    }

    public void markDone(String id) {
        if (done.add(id)) {
            progress.putBoolean("done." + id, true);
        }
    }

    /** Forgets every done lesson (the checklist starts empty). */
    public void forgetProgress() {
        for (String id : List.copyOf(done)) {
            progress.remove("done." + id);
        }
        done.clear();
    }

    public ObservableSet<String> done() {
        return doneView;
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    /** The step's index, 0-based; -1 when no lesson is open. */
    public javafx.beans.property.ReadOnlyIntegerProperty stepProperty() {
        return step;
    }

    public ReadOnlyBooleanProperty performedProperty() {
        return performed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recognisedProperty() {
        return recognised.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty claimHoldsProperty() {
        return claimHolds.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seenProperty() {
        return seen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The statements the log marks for this step. */
    public ReadOnlyObjectProperty<LogHighlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** Presenter mode: Page Down / Page Up drive the lesson, callouts grow. */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    public ReadOnlyBooleanProperty startHereProperty() {
        return startHere.getReadOnlyProperty();
    }
}
