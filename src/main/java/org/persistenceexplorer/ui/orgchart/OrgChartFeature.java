package org.persistenceexplorer.ui.orgchart;

import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.PlaceholderView;
import org.persistenceexplorer.ui.common.ViewLoader;

/** The Org Chart tab: the HR management tree drawn from Neo4j. FX thread. */
public final class OrgChartFeature implements Feature {

    static final String PLAN = "The HR management tree drawn from Neo4j: people as :Person nodes, REPORTS_TO and "
            + "DELEGATES_TO relationships, a person's SQL record beside their graph neighbourhood, and delegation "
            + "chains found with Cypher shortest paths, highlighted on the chart.";

    @Override
    public String id() {
        return "orgchart";
    }

    @Override
    public String title() {
        return "Org Chart";
    }

    @Override
    public String icon() {
        return "mdal-account_tree";
    }

    @Override
    public FeatureView open(FeatureContext context) {
        OrgChartViewModel model = new OrgChartViewModel(context.engines());
        context.ticker().subscribe(model::refresh);
        return FeatureView.of(ViewLoader.load(new PlaceholderView("Org Chart", PLAN, model.graphAvailabilityProperty())));
    }
}
