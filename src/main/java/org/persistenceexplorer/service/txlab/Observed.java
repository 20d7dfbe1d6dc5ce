package org.persistenceexplorer.service.txlab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of an anomaly script saw, for its test to judge: each step's result in script
 * order (a step that waited holds its final result) and the table afterwards. Immutable.
 *
 * @param results   one per step of the script
 * @param finalRows the test table after every session ended, id => value
 */
public record Observed(List<StepResult> results, Map<Integer, Integer> finalRows) {

    public Observed {
        results = List.copyOf(results);
        finalRows = Map.copyOf(finalRows);
    }

    /** The step's rows as id => value (empty when it read nothing or did not run). */
    public Map<Integer, Integer> rows(int step) {
        return idValues(results.get(step - 1));
    }

    /** Rows changed by the step, or -1. */
    public long count(int step) {
        StepResult r = results.get(step - 1);
        return r.outcome() == StepResult.Outcome.DONE ? r.updateCount() : -1;
    }

    /** True when the step ran and succeeded. */
    public boolean ok(int step) {
        return results.get(step - 1).outcome() == StepResult.Outcome.DONE;
    }

    /** True when the session's transaction got to its end without an error (its changes were kept). */
    public boolean committed(String session) {
        boolean any = false;
        for (StepResult r : results) {
            if (r.session().equals(session)) {
                any = true;
                if (r.outcome() != StepResult.Outcome.DONE) {
                    return false;
                }
            }
        }
        return any;
    }

    static Map<Integer, Integer> idValues(StepResult r) {
        Map<Integer, Integer> rows = new LinkedHashMap<>();
        if (r.outcome() == StepResult.Outcome.DONE) {
            for (List<String> row : r.rows()) {
                if (row.size() >= 2) {
                    try {
                        rows.put(Integer.parseInt(row.get(0)), Integer.parseInt(row.get(1)));
                    } catch (NumberFormatException ignored) {
                        // not the test table's shape
                    }
                }
            }
        }
        return rows;
    }
}
