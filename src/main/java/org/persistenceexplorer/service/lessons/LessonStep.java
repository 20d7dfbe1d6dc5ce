package org.persistenceexplorer.service.lessons;

import java.util.List;
import java.util.Map;

/**
 * One step of a lesson. A <b>Show me</b> step runs a command (a feature's, e.g. "lab.run"),
 * highlights the statements it caused (those whose action starts with {@code highlight}) and
 * shows a callout; {@code expect} is its claim about those statements. A <b>Your turn</b> step
 * asks the learner to do something by hand and recognises it when a statement matching
 * {@code recognise} arrives, then says what to look at; its {@code command} is what "Do it for
 * me" (and the lesson's test) runs instead. Immutable; any thread.
 *
 * @param kind      show me or your turn
 * @param text      what the step says (Show me: the callout; Your turn: the task)
 * @param command   the command to run (Your turn: the one that does the task)
 * @param arguments the command's arguments, by name
 * @param highlight the action label prefix of the statements this step is about
 * @param expect    Show me: what those statements must hold
 * @param recognise Your turn: the statement that tells the learner did it
 * @param look      Your turn: what to look at once recognised
 */
public record LessonStep(Kind kind, String text, String command, Map<String, String> arguments, String highlight,
                         List<StatementPattern> expect, StatementPattern recognise, String look) {

    /** The two kinds of step. */
    public enum Kind {
        SHOW_ME("Show me"), YOUR_TURN("Your turn");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public LessonStep {
        arguments = Map.copyOf(arguments);
        expect = List.copyOf(expect);
    }
}
