package org.persistenceexplorer.ui.common;

import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

/**
 * Runs something once a view-model reaches a state: at once if it is there already, else on
 * the first change of the observed properties that makes the condition true. A command that
 * needs a loaded row before it edits it waits with this instead of blocking. One wait per
 * instance: a new one replaces the one still waiting. FX thread.
 */
public final class WhenReady {

    private Runnable cancel = () -> { };

    /** Replaces any wait still pending with this one. */
    public void then(BooleanSupplier condition, Runnable action, Observable... watched) {
        cancel.run();
        cancel = () -> { };
        if (condition.getAsBoolean()) {
            action.run();
            return;
        }
        InvalidationListener[] listener = new InvalidationListener[1];
        listener[0] = o -> {
            if (condition.getAsBoolean()) {
                for (Observable w : watched) {
                    w.removeListener(listener[0]);
                }
                cancel = () -> { };
                action.run();
            }
        };
        for (Observable w : watched) {
            w.addListener(listener[0]);
        }
        cancel = () -> {
            for (Observable w : watched) {
                w.removeListener(listener[0]);
            }
        };
    }
}
