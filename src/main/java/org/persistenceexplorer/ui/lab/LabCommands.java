package org.persistenceexplorer.ui.lab;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.lab.Strategy;
import org.persistenceexplorer.ui.common.FeatureCommand;

/**
 * The loading lab's commands for lessons: run one strategy on a scenario (as picking them and
 * pressing Run does), the bulk lesson and the second-level cache lesson. FX thread.
 */
final class LabCommands {

    private LabCommands() {
    }

    static List<FeatureCommand> of(Supplier<LabViewModel> model) {
        return List.of(
                new FeatureCommand("lab.run", "Runs one strategy (LAZY, JOIN_FETCH, ENTITY_GRAPH, BATCH, SUBSELECT, "
                        + "LAZY_AFTER_CLOSE) on a scenario with N departments",
                        Set.of("strategy"), Set.of("scenario", "parents", "batch"), LabCommands::check, args -> {
                            LabViewModel lab = model.get();
                            settings(lab, args);
                            lab.strategyProperty().set(Strategy.valueOf(args.get("strategy")));
                            lab.runOne();
                        }),
                FeatureCommand.of("lab.bulk", "The bulk lesson: per-row UPDATEs, JDBC batching, one HQL UPDATE",
                        Set.of(), Set.of("parents"), args -> {
                            settings(model.get(), args);
                            model.get().runBulk();
                        }),
                FeatureCommand.of("lab.cache", "The second-level cache lesson: cold, warm, after updates, after an evict",
                        Set.of(), Set.of("parents"), args -> {
                            settings(model.get(), args);
                            model.get().runCache();
                        }));
    }

    private static void settings(LabViewModel lab, Map<String, String> args) {
        if (args.containsKey("scenario")) {
            lab.scenarioProperty().set(Scenario.valueOf(args.get("scenario")));
        }
        if (args.containsKey("parents")) {
            lab.parentsProperty().set(Integer.parseInt(args.get("parents")));
        }
        if (args.containsKey("batch")) {
            lab.batchSizeProperty().set(Integer.parseInt(args.get("batch")));
        }
    }

    private static Optional<String> check(Map<String, String> args) {
        if (!names(Strategy.values()).contains(args.get("strategy"))) {
            return Optional.of("no lab strategy '" + args.get("strategy") + "'; strategies: " + names(Strategy.values()));
        }
        if (args.containsKey("scenario") && !names(Scenario.values()).contains(args.get("scenario"))) {
            return Optional.of("no lab scenario '" + args.get("scenario") + "'; scenarios: " + names(Scenario.values()));
        }
        return Optional.empty();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
