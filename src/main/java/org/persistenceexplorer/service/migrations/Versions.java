package org.persistenceexplorer.service.migrations;

import java.math.BigInteger;

/** Orders Flyway versions ("1", "1.1", "2_5") as Flyway does: part by part, numerically. Stateless. */
final class Versions {

    private Versions() {
    }

    static int compare(String a, String b) {
        String[] left = a.split("[._]");
        String[] right = b.split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            BigInteger l = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
            BigInteger r = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
            int c = l.compareTo(r);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
