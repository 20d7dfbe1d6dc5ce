package org.persistenceexplorer.ui.orgchart;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.engine.EngineStatus;

/**
 * The Org Chart tab's state: whether the graph engine can be used yet, so the tab says Neo4j is
 * starting until it is. Polled on the tab's ticks (only while the tab is shown); FX thread.
 */
public final class OrgChartViewModel {

    private final Supplier<List<EngineStatus>> engines;
    private final ReadOnlyStringWrapper graphAvailability = new ReadOnlyStringWrapper("");

    public OrgChartViewModel(Supplier<List<EngineStatus>> engines) {
        this.engines = engines;
    }

    public void refresh() {
        EngineStatus neo4j = engines.get().stream().filter(s -> s.engine() == Engine.NEO4J).findFirst().orElse(null);
        if (neo4j == null) {
            graphAvailability.set("");
        } else if (neo4j.up()) {
            graphAvailability.set("Neo4j is up at " + neo4j.address() + ".");
        } else if (neo4j.state() == EngineStatus.State.LOST) {
            graphAvailability.set("Neo4j was lost: " + neo4j.detail());
        } else if (neo4j.state() == EngineStatus.State.FAILED) {
            graphAvailability.set((neo4j.embedded() ? "Neo4j did not start: " : "Neo4j cannot be reached: ")
                    + neo4j.detail() + " Use Retry in the status bar.");
        } else {
            graphAvailability.set("Neo4j is starting" + (neo4j.detail().isEmpty() ? "" : " (" + neo4j.detail() + ")") + "…");
        }
    }

    /** One line on whether the graph engine can be used yet. */
    public ReadOnlyStringProperty graphAvailabilityProperty() {
        return graphAvailability.getReadOnlyProperty();
    }
}
