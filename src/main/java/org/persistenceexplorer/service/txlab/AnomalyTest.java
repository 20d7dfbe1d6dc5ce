package org.persistenceexplorer.service.txlab;

import java.util.List;
import java.util.function.Predicate;

/**
 * One of Hermitage's anomaly tests as a guided script of our own: the steps across sessions A,
 * B (and C), the anomaly in one plain sentence, and the judge that tells from what a run
 * observed whether the anomaly happened. Every script starts on the table {@code test} with
 * rows (1, 10) and (2, 20). Immutable.
 *
 * @param id          Hermitage's column, e.g. "P4", or a variant "PMP (write predicate)"
 * @param family      the Hermitage column the variant belongs to ("PMP"), whose published result it is compared with
 * @param name        the anomaly's common name ("lost update")
 * @param explanation one sentence in plain words
 * @param steps       in order
 * @param occurred    true when the run shows the anomaly
 * @param evidence    what the judge looked at, in words
 */
public record AnomalyTest(String id, String family, String name, String explanation, List<Step> steps,
                          Predicate<Observed> occurred, String evidence) {

    public AnomalyTest {
        steps = List.copyOf(steps);
    }

    /** How many sessions the script needs (C only for OTV and G2's read-only case). */
    public int sessions() {
        return (int) steps.stream().map(Step::session).distinct().count();
    }

    @Override
    public String toString() {
        return id + " (" + name + ")";
    }
}
