package org.persistenceexplorer.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The one clock that refreshes live views (statement log, counters, status bar) at a bounded
 * rate, however many statements arrive. FX thread.
 */
public final class UiTicker {

    /** Five refreshes a second: live enough to watch, cheap enough to ignore. */
    public static final Duration PERIOD = Duration.millis(200);

    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
    private final Timeline timeline = new Timeline(new KeyFrame(PERIOD, e -> tick()));

    public UiTicker() {
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void subscribe(Runnable refresh) {
        subscribers.add(refresh);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }

    /** Runs every subscriber once now. */
    public void tick() {
        subscribers.forEach(Runnable::run);
    }
}
