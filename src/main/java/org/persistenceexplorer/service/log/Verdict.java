package org.persistenceexplorer.service.log;

/**
 * Something the log concluded about an action's statements, with its fix. Immutable.
 *
 * @param kind      what was found
 * @param action    the action whose statements it is about
 * @param subject   the relationship ("Department.employees") or, when none is known, the table and key
 * @param count     how many statements (or loaded owners, for an unused eager load)
 * @param fix       what to change, in the user's words
 * @param logFilter words that select the group in the log panel's filter
 */
public record Verdict(Kind kind, String action, String subject, long count, String fix, String logFilter) {

    /** The kinds of verdict. */
    public enum Kind {
        N_PLUS_ONE("N+1"),
        UNUSED_EAGER_LOAD("Unused eager load"),
        DUPLICATES("Duplicates");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The short form the status bar shows: "N+1: Department.employees x100". */
    public String headline() {
        return kind.label() + ": " + subject + " x" + count;
    }
}
