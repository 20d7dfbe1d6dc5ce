package org.persistenceexplorer.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests for something another thread or process does: polls a condition until it
 * holds or a deadline passes, instead of sleeping a fixed time and hoping. The deadline only
 * keeps a broken build from hanging; it is never what a test measures. Blocks the caller.
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Returns once {@code condition} holds; fails the test naming {@code what} if it never does. */
    public static void until(Duration atMost, BooleanSupplier condition, String what) {
        if (!holdsWithin(atMost, condition)) {
            throw new AssertionError("gave up after " + atMost.toMillis() + " ms waiting until " + what);
        }
    }

    /** True as soon as {@code condition} holds, false if it still does not after {@code atMost}. */
    public static boolean holdsWithin(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        return true;
    }
}
