package org.persistenceexplorer.testsupport;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * The look the app starts with (ExplorerApp sets AtlantaFX's Primer Light as the user-agent
 * stylesheet), for benchmark windows: without it they would draw with JavaFX's modena, whose
 * frames cost the software renderer about twice as much, and measure a window no user sees.
 * Call on the FX thread before the window is shown.
 */
public final class AppLook {

    private AppLook() {
    }

    public static void apply() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }
}
