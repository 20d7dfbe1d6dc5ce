package org.persistenceexplorer.ui.status;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.scene.control.Label;
import org.persistenceexplorer.service.log.StatementLog;

/**
 * Projector mode's huge statement counter, over the window's top right corner: the log's total,
 * ticking as statements arrive (read once per UI tick, never per statement). FX thread.
 */
public final class StatementCounterOverlay {

    private final StatementLog log;
    private final Label label = new Label("0");
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.US);
    private long shown = -1;

    public StatementCounterOverlay(StatementLog log) {
        this.log = log;
        label.getStyleClass().add("pe-projector-counter");
        label.setId("projectorCounter");
        label.setMouseTransparent(true);
    }

    /** Call on each UI tick. */
    public void refresh() {
        long total = log.counters().total();
        if (total != shown) {
            shown = total;
            label.setText(numbers.format(total) + (total == 1 ? " statement" : " statements"));
        }
    }

    public Label node() {
        return label;
    }
}
