package org.persistenceexplorer.service.foreigngraph;

import java.util.List;
import java.util.Map;

/**
 * What the graph says about one person of a user's graph, for the person panel: their labels and
 * properties, their managers (by name), how many report to them, and what each optional type of
 * the mapping leads to (e.g. "Department" -> ["Sales"]). There is no SQL side: a foreign graph's
 * people have no HR rows in the app. Immutable.
 */
public record ForeignFacts(Object key, String name, List<String> labels, Map<String, Object> properties,
                           List<String> managers, long directReports, Map<String, List<String>> related) {

    public ForeignFacts {
        labels = List.copyOf(labels);
        properties = Map.copyOf(properties);
        managers = List.copyOf(managers);
        related = Map.copyOf(related);
    }
}
