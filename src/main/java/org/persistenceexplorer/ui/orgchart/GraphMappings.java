package org.persistenceexplorer.ui.orgchart;

import java.util.function.Supplier;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.foreigngraph.ForeignOrgChart;
import org.persistenceexplorer.service.foreigngraph.ForeignOrgGraph;
import org.persistenceexplorer.service.foreigngraph.MappingStore;
import org.persistenceexplorer.service.foreigngraph.OrgMapping;

/**
 * What the Org Chart tab needs to chart a graph that is not the app's: the profile in use (its
 * mapping is stored under its name), the mapping store and the graph to read. Built once by
 * the feature; the services it hands out are blocking (use them in runner tasks).
 */
public record GraphMappings(Supplier<String> profileName, MappingStore store, CypherRunner graph) {

    /** Reads the graph's shape, suggests and previews a mapping. */
    public ForeignOrgGraph explorer() {
        return new ForeignOrgGraph(graph);
    }

    /** The chart's reads through the mapping. */
    public ForeignOrgChart chart(OrgMapping mapping) {
        return new ForeignOrgChart(graph, mapping);
    }
}
