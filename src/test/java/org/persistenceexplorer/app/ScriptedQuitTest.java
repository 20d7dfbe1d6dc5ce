package org.persistenceexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScriptedQuitTest {

    @Test
    void unsetOrBlankMeansAPersonQuits() {
        assertThat(ScriptedQuit.from(null)).isEqualTo(ScriptedQuit.NEVER);
        assertThat(ScriptedQuit.from(" ")).isEqualTo(ScriptedQuit.NEVER);
    }

    @Test
    void readsBothMomentsWhateverTheCase() {
        assertThat(ScriptedQuit.from("window")).isEqualTo(ScriptedQuit.WINDOW);
        assertThat(ScriptedQuit.from(" Started ")).isEqualTo(ScriptedQuit.STARTED);
    }

    @Test
    void anUnknownMomentIsNamedInTheError() {
        assertThatThrownBy(() -> ScriptedQuit.from("later"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dpe.quitAfter must be window or started, not later.");
    }
}
