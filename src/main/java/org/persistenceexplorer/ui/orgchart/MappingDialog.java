package org.persistenceexplorer.ui.orgchart;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;

/**
 * Opens "Map your graph…" over the main window: the mapping of the profile's own graph,
 * suggested and previewed; Use saves it and the Org Chart tab draws the graph. FX thread.
 */
final class MappingDialog {

    private final BackgroundRunner runner;
    private final OrgChartViewModel chart;
    private Stage stage;

    MappingDialog(BackgroundRunner runner, OrgChartViewModel chart) {
        this.runner = runner;
        this.chart = chart;
    }

    /** Shows the dialog (brought to the front when open) and starts reading the graph's shape. */
    void show(Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        Stage shown = new Stage();
        stage = shown;
        if (owner != null) {
            shown.initOwner(owner);
            if (owner.getScene() != null) {
                shown.setOnShowing(e -> shown.getScene().getStylesheets().setAll(owner.getScene().getStylesheets()));
            }
        }
        shown.initModality(Modality.NONE);
        shown.setTitle("Map your graph — Org Chart");
        MappingViewModel model = new MappingViewModel(runner, chart.mappings(), mapping -> {
            chart.useMapping(mapping);
            shown.close();
        });
        Parent view = ViewLoader.load(new MappingView(model, shown::close));
        shown.setScene(new Scene(view));
        shown.show();
        model.suggest();
    }

    /** The open dialog's window, or null (tests, screenshots). */
    Stage stage() {
        return stage;
    }
}
