package org.persistenceexplorer.ui.lab;

import java.util.List;

/**
 * The stops of the lab's N slider: 10 to 10,000 in steps a demo can name ("a hundred
 * departments"), so the slider moves by position and never lands on 4,317. Immutable.
 */
final class LabSizes {

    static final List<Integer> STOPS = List.of(10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000);

    private LabSizes() {
    }

    /** The stop at a slider position (rounded, clamped). */
    static int at(double position) {
        int i = (int) Math.round(position);
        return STOPS.get(Math.max(0, Math.min(STOPS.size() - 1, i)));
    }

    /** The slider position of the stop nearest to n. */
    static int positionOf(int n) {
        int best = 0;
        for (int i = 0; i < STOPS.size(); i++) {
            if (Math.abs(STOPS.get(i) - n) < Math.abs(STOPS.get(best) - n)) {
                best = i;
            }
        }
        return best;
    }
}
