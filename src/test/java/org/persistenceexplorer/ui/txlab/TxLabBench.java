package org.persistenceexplorer.ui.txlab;

import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import org.persistenceexplorer.service.txlab.TransactionsLab;
import org.persistenceexplorer.ui.common.BackgroundRunner;

/** The lab's view and view-model as the benchmark drives them (it lives in another package). FX thread. */
public final class TxLabBench {

    private final TxLabViewModel model;
    private final TxLabView view;
    private Scene scene;

    public TxLabBench(BackgroundRunner runner, TransactionsLab lab) {
        model = new TxLabViewModel(runner, lab);
        view = new TxLabView(model);
    }

    public TxLabView view() {
        return view;
    }

    public TxLabViewModel model() {
        return model;
    }

    /** Adds the lab's stylesheet and opens the lab. */
    public void style(Scene on) {
        scene = on;
        on.getRoot().getStylesheets().add(TxLabBench.class.getResource(TxLabFeature.STYLESHEET).toExternalForm());
        model.open();
    }

    /** Shows the matrix page, as a user watching the matrix fill in. */
    public void showMatrixPage() {
        ((TabPane) scene.getRoot().lookup(".pe-txlab-pages")).getSelectionModel().select(1);
    }
}
