package org.persistenceexplorer.bench;

import java.util.Arrays;

/** The median of a few measurements: robust against the one run a busy machine spoiled. */
final class Median {

    private Median() {
    }

    /** NaN for no values; the mean of the middle two for an even count. */
    static double of(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
