package org.persistenceexplorer.ui.migrations;

import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.PlaceholderView;
import org.persistenceexplorer.ui.common.ViewLoader;

/** The Migrations tab: each Flyway step of a track, the schema before and after. FX thread. */
public final class MigrationsFeature implements Feature {

    static final String PLAN = "Step through each Flyway migration of a track: the schema before and after, the "
            + "history table, migrating to a chosen version, and the next migration generated from the difference "
            + "between the entities and the live schema. The HR track has already been applied at startup; its "
            + "statements are in the log below under 'startup: migrate hr'.";

    @Override
    public String id() {
        return "migrations";
    }

    @Override
    public String title() {
        return "Migrations";
    }

    @Override
    public String icon() {
        return "mdmz-timeline";
    }

    @Override
    public FeatureView open(FeatureContext context) {
        return FeatureView.of(ViewLoader.load(new PlaceholderView("Migrations", PLAN, null)));
    }
}
