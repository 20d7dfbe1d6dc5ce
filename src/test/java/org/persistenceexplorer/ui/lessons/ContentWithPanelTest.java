package org.persistenceexplorer.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How wide the Lessons panel is beside content that wants a given width. */
class ContentWithPanelTest {

    @Test
    void thePanelKeepsItsWidthWhenTheContentFitsBesideIt() {
        assertThat(ContentWithPanel.panelWidth(1280, 600, 300, 560)).isEqualTo(560);
    }

    @Test
    void thePanelGivesWayToItsMinWidthBeforeTheContentGetsLessThanItWants() {
        assertThat(ContentWithPanel.panelWidth(1280, 900, 300, 560)).isEqualTo(380);
        assertThat(ContentWithPanel.panelWidth(1280, 1424, 300, 560)).isEqualTo(300);
    }

    @Test
    void thePanelIsNeverWiderThanTheWindow() {
        assertThat(ContentWithPanel.panelWidth(250, 900, 300, 560)).isEqualTo(250);
    }
}
