package org.persistenceexplorer.ui.common;

import java.util.List;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import org.persistenceexplorer.service.engine.EngineStatus;

/**
 * What the main window gives each feature when it opens: the background runner, the
 * feature's own ticker group (ticking only while its tab is shown), its own settings node, and
 * the engines' states. Services come through the feature's constructor, in the feature list.
 *
 * @param runner   the one way to run engine work
 * @param ticker   this feature's ticker group
 * @param settings remembered settings for this feature (its own Preferences node)
 * @param engines  every engine's state now (cheap; poll it on a tick)
 */
public record FeatureContext(BackgroundRunner runner, UiTicker.Group ticker, Preferences settings,
                             Supplier<List<EngineStatus>> engines) {
}
