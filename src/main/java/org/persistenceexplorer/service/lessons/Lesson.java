package org.persistenceexplorer.service.lessons;

import java.util.List;

/**
 * One lesson of the course, as its file says: which objective it teaches, a title, one
 * paragraph on what to notice, and its steps. Immutable; any thread.
 *
 * @param id        the file's name without ".yaml" (e.g. "07-lazy-loading")
 * @param objective the curriculum's objective number (1..24)
 * @param group     the course's group it belongs to ("Loading and N+1")
 */
public record Lesson(String id, int objective, String group, String title, String notice, List<LessonStep> steps,
                     List<CommandCall> reset) {

    public Lesson {
        steps = List.copyOf(steps);
        reset = List.copyOf(reset);
    }

    /**
     * A command with its arguments: what "Reset lesson" runs to put the data back as the lesson
     * expects it.
     */
    public record CommandCall(String command, java.util.Map<String, String> arguments) {
        public CommandCall {
            arguments = java.util.Map.copyOf(arguments);
        }
    }
}
