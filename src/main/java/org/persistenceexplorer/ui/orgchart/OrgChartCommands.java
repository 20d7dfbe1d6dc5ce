package org.persistenceexplorer.ui.orgchart;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.ui.common.FeatureCommand;
import org.persistenceexplorer.ui.common.WhenReady;

/**
 * The Org Chart's commands for lessons: focus a person (their line opened, their cross-store
 * profile read through the cache), ask who may approve a permission for them, the shortest
 * path between two people, the constraint lesson and the sync. Each waits for the chart to be
 * read from the graph without blocking. FX thread.
 */
final class OrgChartCommands {

    private OrgChartCommands() {
    }

    static List<FeatureCommand> of(Supplier<OrgChartViewModel> model) {
        WhenReady ready = new WhenReady();
        java.util.function.BiConsumer<Map<String, String>, java.util.function.Consumer<OrgChartViewModel>> withPerson = (args, then) -> {
            OrgChartViewModel m = model.get();
            if (m.treeProperty().get() == null) {
                m.load();
            }
            ready.then(() -> m.treeProperty().get() != null, () -> {
                m.focus(Long.parseLong(args.get("id")));
                then.accept(m);
            }, m.treeProperty());
        };
        return List.of(
                FeatureCommand.of("orgchart.focus", "Finds a person by employee id: their line opens, their profile is read",
                        Set.of("id"), Set.of(), args -> withPerson.accept(args, m -> { })),
                FeatureCommand.of("orgchart.whoMayApprove", "Who may approve a permission for a person, and through which chain",
                        Set.of("id", "permission"), Set.of(), args -> withPerson.accept(args, m -> m.whoMayApprove(args.get("permission")))),
                FeatureCommand.of("orgchart.path", "The shortest reporting-line path from one person (id) to another (to)",
                        Set.of("id", "to"), Set.of(), args -> withPerson.accept(args, m -> {
                            m.startPath();
                            m.focus(Long.parseLong(args.get("to")));
                            m.pathTo(OrgPaths.Kind.CHAIN_OF_COMMAND);
                        })),
                FeatureCommand.of("orgchart.constraint", "CREATE of an existing person (refused by the constraint) next to MERGE",
                        Set.of("id"), Set.of(), args -> withPerson.accept(args, OrgChartViewModel::constraintLesson)),
                FeatureCommand.of("orgchart.sync", "Imports HR into the graph again (idempotent: a second run writes nothing)",
                        Set.of(), Set.of(), args -> model.get().sync()));
    }
}
