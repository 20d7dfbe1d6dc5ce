package org.persistenceexplorer.ui.common;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Work for the FX thread spread over frames instead of done in one: a frame (pulse) that waits
 * behind 100 ms of CSS and layout is a frozen window for that long, two frames of 50 ms are not.
 * FX thread.
 */
public final class FrameTurns {

    private FrameTurns() {
    }

    /**
     * Steps for the FX thread run one per frame, in the order given. The frame in which the first
     * step is given is left to what the caller changed directly; each step after that has a frame
     * of its own (about 16 ms apart). A step given again under the same key before it ran takes
     * the waiting one's place: only the newest contents of a pane matter.
     */
    public static final class OnePerFrame {
        private final Map<Object, Runnable> waiting = new LinkedHashMap<>();
        private boolean running;

        public void later(Object key, Runnable step) {
            waiting.put(key, step);
            if (!running) {
                running = true;
                everyFrame(frame -> {
                    if (frame > 0 && !waiting.isEmpty()) {
                        Iterator<Runnable> next = waiting.values().iterator();
                        Runnable run = next.next();
                        next.remove();
                        run.run();
                    }
                    running = !waiting.isEmpty();
                    return running;
                });
            }
        }
    }

    /** A step per frame, counted from 0, until it answers false. */
    private interface Step {
        boolean again(int frame);
    }

    /**
     * An {@link AnimationTimer} runs at the start of each pulse, before its CSS and layout: what a
     * step changes is styled and laid out in that same pulse.
     */
    private static void everyFrame(Step step) {
        new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                if (!step.again(frame++)) {
                    stop();
                }
            }
        }.start();
    }
}
