package org.persistenceexplorer.ui.lab;

import javafx.scene.Parent;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.log.ActionTotals;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.ViewLoader;

/** The Loading lab tab: N+1 and its fixes, side by side, with exact counts. FX thread. */
public final class LabFeature implements Feature {

    static final String STYLESHEET = "/css/lab.css";
    private final LoadingLab lab;
    private final ActionTotals totals;
    /** Built by the tab's first open (or a headless prepare), then the same for both. */
    private LabViewModel model;

    public LabFeature(LoadingLab lab, ActionTotals totals) {
        this.lab = lab;
        this.totals = totals;
    }

    @Override
    public String id() {
        return "lab";
    }

    @Override
    public String title() {
        return "Loading lab";
    }

    @Override
    public String icon() {
        return "mdal-bar_chart";
    }

    @Override
    public void prepare(FeatureContext context) {
        if (model == null) {
            model = new LabViewModel(context.runner(), lab, context.settings(), totals);
        }
    }

    @Override
    public java.util.List<org.persistenceexplorer.ui.common.FeatureCommand> commands() {
        return LabCommands.of(() -> model);
    }

    @Override
    public void reset() {
        model = null;
    }

    @Override
    public FeatureView open(FeatureContext context) {
        prepare(context);
        Parent root = ViewLoader.load(new LabView(model));
        root.getStylesheets().add(LabFeature.class.getResource(STYLESHEET).toExternalForm());
        return FeatureView.of(root);
    }
}
