package org.persistenceexplorer.ui.shell;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.domain.statement.Engine;

/**
 * The main window's own state: which engines the tabs can use yet, so a tab that needs Neo4j
 * says it is starting until it is. Polled on each UI tick; FX thread.
 */
public final class MainViewModel {

    private final Supplier<List<EngineStatus>> engines;
    private final ReadOnlyStringWrapper graphAvailability = new ReadOnlyStringWrapper("");

    public MainViewModel(Supplier<List<EngineStatus>> engines) {
        this.engines = engines;
    }

    public void refresh() {
        EngineStatus neo4j = engines.get().stream().filter(s -> s.engine() == Engine.NEO4J).findFirst().orElse(null);
        if (neo4j == null) {
            graphAvailability.set("");
        } else if (neo4j.up()) {
            graphAvailability.set("Neo4j is up at " + neo4j.address() + ".");
        } else if (neo4j.state() == EngineStatus.State.FAILED) {
            graphAvailability.set("Neo4j did not start: " + neo4j.detail() + " Use Retry in the status bar.");
        } else {
            graphAvailability.set("Neo4j is starting" + (neo4j.detail().isEmpty() ? "" : " (" + neo4j.detail() + ")") + "…");
        }
    }

    /** One line on whether the graph engine can be used yet. */
    public ReadOnlyStringProperty graphAvailabilityProperty() {
        return graphAvailability.getReadOnlyProperty();
    }
}
