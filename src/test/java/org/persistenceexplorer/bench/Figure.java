package org.persistenceexplorer.bench;

/**
 * One number of the benchmark report, with a stable id that tools can follow from run to run
 * (e.g. {@code capture.overhead_ratio}) and whether it meets its target. Immutable.
 *
 * @param target what the value should be, as people read it: {@code "<= 1.10"}, or {@code "informative"}
 * @param meets  true when the value meets the target (always true for an informative figure)
 */
public record Figure(String id, double value, String unit, String target, boolean meets) {

    /** A figure judged by its target. */
    public static Figure of(String id, double value, String unit, Target target) {
        return new Figure(id, value, unit, target.text(), target.metBy(value));
    }

    /**
     * What a figure should be: at most or below a limit, or nothing (shown for information).
     * The limit is given as text so the report shows it as written ("1.10", not "1.1").
     */
    public record Target(String text, Comparison comparison, double limit) {

        public static Target atMost(String limit) {
            return new Target("<= " + limit, Comparison.AT_MOST, Double.parseDouble(limit));
        }

        public static Target below(String limit) {
            return new Target("< " + limit, Comparison.BELOW, Double.parseDouble(limit));
        }

        public static Target informative() {
            return new Target("informative", Comparison.NONE, Double.NaN);
        }

        /** A value that is not a number (a failed measurement) never meets a limit. */
        public boolean metBy(double value) {
            return switch (comparison) {
                case AT_MOST -> value <= limit;
                case BELOW -> value < limit;
                case NONE -> true;
            };
        }
    }

    /** How a value is compared with the limit. */
    public enum Comparison {
        AT_MOST, BELOW, NONE
    }
}
