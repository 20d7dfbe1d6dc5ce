package org.persistenceexplorer.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The one clock that refreshes live views (statement log, counters, status bar, a tab's live
 * parts) at a bounded rate, however many statements arrive. Subscriptions can be cancelled, and
 * a {@link Group} (one per feature tab) runs its subscribers only while it is active, so a
 * hidden tab costs nothing. FX thread.
 */
public final class UiTicker {

    /** Five refreshes a second: live enough to watch, cheap enough to ignore. */
    public static final Duration PERIOD = Duration.millis(200);

    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
    private Timeline timeline;

    /** Calls {@code refresh} on every tick until the returned subscription is cancelled. */
    public Subscription subscribe(Runnable refresh) {
        subscribers.add(refresh);
        return () -> subscribers.remove(refresh);
    }

    /** A set of subscriptions that tick only while the group is active (it starts inactive). */
    public Group group() {
        Group group = new Group();
        subscribe(group::tick);
        return group;
    }

    /** Starts ticking (needs the JavaFX toolkit). */
    public void start() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(PERIOD, e -> tick()));
            timeline.setCycleCount(Animation.INDEFINITE);
        }
        timeline.play();
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
        }
    }

    /** Runs every subscriber once now. */
    public void tick() {
        subscribers.forEach(Runnable::run);
    }

    /** Ends one subscription. */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }

    /** Subscriptions of one feature: they run only while its tab is shown. FX thread. */
    public static final class Group {
        private final List<Runnable> members = new CopyOnWriteArrayList<>();
        private boolean active;

        private Group() {
        }

        public Subscription subscribe(Runnable refresh) {
            members.add(refresh);
            return () -> members.remove(refresh);
        }

        /** Active groups tick; becoming active ticks once at once, so the view is fresh when shown. */
        public void setActive(boolean nowActive) {
            boolean wasActive = active;
            active = nowActive;
            if (nowActive && !wasActive) {
                tick();
            }
        }

        public boolean isActive() {
            return active;
        }

        private void tick() {
            if (active) {
                members.forEach(Runnable::run);
            }
        }

        /** Drops every subscription (the feature closed). */
        public void clear() {
            members.clear();
        }
    }
}
