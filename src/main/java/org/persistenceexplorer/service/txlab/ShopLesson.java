package org.persistenceexplorer.service.txlab;

import java.util.List;
import java.util.Map;

/**
 * What one of the shop's lessons (checkout, savepoints, optimistic locking) did: committed or
 * rolled back, in words, the stock before and after, whether every shop table is unchanged
 * (checksums), and the statements it sent in order. Immutable.
 *
 * @param title       "Checkout", "Savepoints", "Optimistic locking"
 * @param committed   true when its (last) transaction committed
 * @param message     what happened, in plain words
 * @param stockBefore product => stock before (null for digital)
 * @param stockAfter  product => stock after
 * @param unchanged   true when every shop table's checksum is the same afterwards
 * @param statements  the statements sent, as the log shows them
 */
public record ShopLesson(String title, boolean committed, String message, Map<String, Integer> stockBefore,
                         Map<String, Integer> stockAfter, boolean unchanged, List<String> statements) {

    public ShopLesson {
        stockBefore = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stockBefore));
        stockAfter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stockAfter));
        statements = List.copyOf(statements);
    }
}
