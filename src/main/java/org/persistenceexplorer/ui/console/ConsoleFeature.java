package org.persistenceexplorer.ui.console;

import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.PlaceholderView;
import org.persistenceexplorer.ui.common.ViewLoader;

/** The Query Console tab: SQL, HQL and Cypher with results and plans. FX thread. */
public final class ConsoleFeature implements Feature {

    static final String PLAN = "Write SQL or Cypher and run it with Ctrl+Enter: results as a table, readable "
            + "errors, EXPLAIN plans as a tree, and presets for the course's queries (joins, GROUP BY / HAVING, a "
            + "recursive management chain, window functions). Bound parameters beside string concatenation show why "
            + "SQL injection cannot happen with the first.";

    @Override
    public String id() {
        return "console";
    }

    @Override
    public String title() {
        return "Console";
    }

    @Override
    public String icon() {
        return "mdal-code";
    }

    @Override
    public FeatureView open(FeatureContext context) {
        return FeatureView.of(ViewLoader.load(new PlaceholderView("Query Console", PLAN, null)));
    }
}
