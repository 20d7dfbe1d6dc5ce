package org.persistenceexplorer.ui.tables;

import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.PlaceholderView;
import org.persistenceexplorer.ui.common.ViewLoader;

/** The Tables tab: the live tables of the sample datasets and the entity model beside them. FX thread. */
public final class TablesFeature implements Feature {

    static final String PLAN = "Browse the live tables of the sample datasets: columns, types and constraints read "
            + "from PostgreSQL, rows page by page, and the Hibernate entity model beside them. Edit a row and watch the "
            + "entity move from transient to managed to detached, and the exact UPDATE that dirty checking sends. "
            + "(Coming next; the engines below are already real.)";

    @Override
    public String id() {
        return "tables";
    }

    @Override
    public String title() {
        return "Tables";
    }

    @Override
    public String icon() {
        return "mdal-grid_on";
    }

    @Override
    public FeatureView open(FeatureContext context) {
        return FeatureView.of(ViewLoader.load(new PlaceholderView("Tables", PLAN, null)));
    }
}
