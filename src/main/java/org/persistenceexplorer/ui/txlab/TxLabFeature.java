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
    public FeatureView open(FeatureContext context) {
        TxLabViewModel model = new TxLabViewModel(context.runner(), lab);
        Parent root = ViewLoader.load(new TxLabView(model));
        root.getStylesheets().add(TxLabFeature.class.getResource(STYLESHEET).toExternalForm());
        UiTicker.Subscription ticks = context.ticker().subscribe(model::refresh);
        model.open();
        return new FeatureView() {
            @Override
            public Node root() {
                return root;
            }

            @Override
            public void close() {
                ticks.cancel();
                model.close();
            }
        };
    }
}
