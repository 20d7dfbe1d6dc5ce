package org.persistenceexplorer.ui.txlab;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.persistenceexplorer.service.txlab.AnomalyTests;
import org.persistenceexplorer.service.txlab.Isolation;
import org.persistenceexplorer.ui.common.FeatureCommand;
import org.persistenceexplorer.ui.common.WhenReady;

/**
 * The transactions lab's commands for lessons: run one of Hermitage's anomaly scripts at an
 * isolation level, the shop's checkout (with a failing payment), savepoints, concurrent edits
 * with optimistic locking, and exhausting the lab's pool. Each waits until the lab's sessions
 * are open without blocking. FX thread.
 */
final class TxLabCommands {

    private TxLabCommands() {
    }

    static List<FeatureCommand> of(Supplier<TxLabViewModel> model) {
        WhenReady ready = new WhenReady();
        java.util.function.Consumer<Runnable> whenReady = then -> {
            TxLabViewModel m = model.get();
            ready.then(() -> m.readyProperty().get(), then, m.readyProperty());
        };
        return List.of(
                new FeatureCommand("txlab.runAnomaly", "Runs an anomaly script (P4, G0, G1a, ..., G2) at a level "
                        + "(READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE)", Set.of("test", "level"), Set.of(),
                        TxLabCommands::check, args -> whenReady.accept(() -> {
                            TxLabViewModel m = model.get();
                            m.scriptProperty().set(AnomalyTests.byId(args.get("test")));
                            m.levelProperty().set(Isolation.valueOf(args.get("level")));
                            m.runScript();
                        })),
                FeatureCommand.of("txlab.checkout", "The shop's checkout: several writes in one transaction; paymentFails=true rolls all back",
                        Set.of(), Set.of("paymentFails"), args -> whenReady.accept(() -> {
                            TxLabViewModel m = model.get();
                            m.paymentFailsProperty().set(Boolean.parseBoolean(args.getOrDefault("paymentFails", "false")));
                            m.checkout();
                        })),
                FeatureCommand.of("txlab.savepoints", "The shop's savepoints lesson: a nested step rolled back alone",
                        Set.of(), Set.of(), args -> whenReady.accept(() -> model.get().savepoints())),
                FeatureCommand.of("txlab.concurrentEdits", "Two edits of one product through @Version; retry=true retries the loser",
                        Set.of(), Set.of("retry"), args -> whenReady.accept(
                                () -> model.get().concurrentEdits(Boolean.parseBoolean(args.getOrDefault("retry", "false"))))),
                FeatureCommand.of("txlab.exhaustPool", "Holds every connection of the lab's small pool and asks for one more",
                        Set.of(), Set.of(), args -> whenReady.accept(() -> model.get().exhaustPool())),
                FeatureCommand.of("txlab.resetShop", "Puts the shop's stock and orders back as seeded",
                        Set.of(), Set.of(), args -> whenReady.accept(() -> model.get().resetShop())));
    }

    private static Optional<String> check(Map<String, String> args) {
        if (AnomalyTests.SCRIPTS.stream().noneMatch(t -> t.id().equals(args.get("test")))) {
            return Optional.of("no anomaly test '" + args.get("test") + "'; tests: "
                    + AnomalyTests.SCRIPTS.stream().map(t -> t.id()).toList());
        }
        if (Arrays.stream(Isolation.values()).noneMatch(l -> l.name().equals(args.get("level")))) {
            return Optional.of("no isolation level '" + args.get("level") + "'; levels: " + Arrays.toString(Isolation.values()));
        }
        return Optional.empty();
    }
}
