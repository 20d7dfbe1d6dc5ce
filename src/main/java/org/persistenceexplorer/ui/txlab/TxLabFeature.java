package org.persistenceexplorer.ui.txlab;

import javafx.scene.Node;
import javafx.scene.Parent;
import org.persistenceexplorer.service.txlab.TransactionsLab;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.UiTicker;
import org.persistenceexplorer.ui.common.ViewLoader;

/**
 * The Transactions lab tab: sessions A, B, C side by side, Hermitage's anomaly matrix run live,
 * the shop's checkout, savepoints and optimistic locking, the pool under pressure. Opening the
 * tab opens the lab (shop migrated, the lab's own pool); closing it rolls back and gives every
 * connection back. FX thread.
 */
public final class TxLabFeature implements Feature {

    static final String STYLESHEET = "/css/txlab.css";
    private final TransactionsLab lab;
    /** Built by the tab's first open (or a headless prepare), then the same for both. */
    private TxLabViewModel model;
    private UiTicker.Subscription ticks;

    public TxLabFeature(TransactionsLab lab) {
        this.lab = lab;
    }

    @Override
    public String id() {
        return "txlab";
    }

    @Override
    public String title() {
        return "Transactions lab";
    }

    @Override
    public String icon() {
        return "mdal-compare_arrows";
    }

    @Override
    public void prepare(FeatureContext context) {
        if (model == null) {
            model = new TxLabViewModel(context.runner(), lab);
            ticks = context.ticker().subscribe(model::refresh);
            model.open();
        }
    }

    @Override
    public java.util.List<org.persistenceexplorer.ui.common.FeatureCommand> commands() {
        return TxLabCommands.of(() -> model);
    }

    @Override
    public void reset() {
        if (ticks != null) {
            ticks.cancel();
        }
        model = null;
    }

    @Override
    public FeatureView open(FeatureContext context) {
        boolean fresh = model == null;
        if (fresh) {
            model = new TxLabViewModel(context.runner(), lab);
        }
        TxLabViewModel shown = model;
        Parent root = ViewLoader.load(new TxLabView(shown));
        root.getStylesheets().add(TxLabFeature.class.getResource(STYLESHEET).toExternalForm());
        if (fresh) {
            ticks = context.ticker().subscribe(shown::refresh);
            shown.open();
        }
        return new FeatureView() {
            @Override
            public Node root() {
                return root;
            }

            @Override
            public void close() {
                ticks.cancel();
                shown.close();
            }
        };
    }
}
