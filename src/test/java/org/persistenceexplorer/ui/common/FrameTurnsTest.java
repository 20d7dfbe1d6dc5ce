package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@link FrameTurns.OnePerFrame}: each step in a frame of its own, none in the frame that follows
 * the giving (that one lays out what the caller changed directly), in the order given, a step
 * given again under a waiting key taking the waiting one's place.
 */
class FrameTurnsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void stepsRunOnePerFrameInOrderAndTheNewestOfAKeyWins() throws Exception {
        int[] frame = {0};
        // Started before the steps' timer, so it counts a pulse before any step of that pulse runs.
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame[0]++;
            }
        };
        List<String> ran = new CopyOnWriteArrayList<>();
        int[] given = new int[1];
        FrameTurns.OnePerFrame turns = new FrameTurns.OnePerFrame();
        WaitForAsyncUtils.asyncFx(() -> {
            counter.start();
            given[0] = frame[0];
            turns.later("sql", () -> ran.add("old sql@" + frame[0]));
            turns.later("diff", () -> ran.add("diff@" + frame[0]));
            turns.later("sql", () -> ran.add("sql@" + frame[0]));
            turns.later("diagram", () -> ran.add("diagram@" + frame[0]));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ran.size() >= 3);
        WaitForAsyncUtils.asyncFx(counter::stop).get(10, TimeUnit.SECONDS);

        assertThat(ran).extracting(s -> s.substring(0, s.indexOf('@'))).containsExactly("sql", "diff", "diagram");
        List<Integer> frames = ran.stream().map(s -> Integer.parseInt(s.substring(s.indexOf('@') + 1))).toList();
        assertThat(frames.get(0)).as("not in the frame right after the giving").isGreaterThan(given[0] + 1);
        assertThat(frames).as("one frame each").doesNotHaveDuplicates().isSorted();
    }
}
