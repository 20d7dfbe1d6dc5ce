package org.persistenceexplorer.ui.migrations;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.persistenceexplorer.ui.common.FeatureCommand;
import org.persistenceexplorer.ui.common.WhenReady;

/**
 * The Migrations tab's commands for lessons: open a track, move its schema to a version (going
 * back rebuilds, agreed to as the dialog would be), autogenerate the next migration and save
 * and apply it. Each waits for the track to be open without blocking. FX thread.
 */
final class MigrationsCommands {

    private final Supplier<MigrationsViewModel> model;
    private final WhenReady ready = new WhenReady();

    private MigrationsCommands(Supplier<MigrationsViewModel> model) {
        this.model = model;
    }

    static List<FeatureCommand> of(Supplier<MigrationsViewModel> model) {
        MigrationsCommands c = new MigrationsCommands(model);
        return List.of(
                FeatureCommand.of("migrations.open", "Opens a track (blog, library, movies, hr, shop)",
                        Set.of("track"), Set.of(), args -> c.whenOpen(args.get("track"), () -> { })),
                FeatureCommand.of("migrations.moveTo", "Moves a track's schema to a version, forward or back (rebuilding)",
                        Set.of("track", "version"), Set.of(), c::moveTo),
                FeatureCommand.of("migrations.autogenerate", "Compares the track's model (changedModel=true: its next "
                                + "version) with its schema and generates the next migration",
                        Set.of("track"), Set.of("changedModel"), args -> c.whenOpen(args.get("track"), () -> {
                            ModelChangesViewModel changes = model.get().modelChanges();
                            changes.changedModelProperty().set(Boolean.parseBoolean(args.getOrDefault("changedModel", "false")));
                            changes.generate();
                        })),
                FeatureCommand.of("migrations.apply", "Saves the generated migration into the track copy and applies it",
                        Set.of("track"), Set.of(), args -> c.whenOpen(args.get("track"), () -> model.get().saveAndApply())),
                FeatureCommand.of("migrations.reset", "Puts a track copy back as shipped (saved migrations deleted, schema rebuilt)",
                        Set.of("track"), Set.of(), args -> c.whenOpen(args.get("track"), () -> model.get().resetCopy())));
    }

    private void whenOpen(String track, Runnable then) {
        MigrationsViewModel m = model.get();
        if (!track.equals(m.selectedTrackProperty().get()) || m.timelineProperty().get() == null) {
            m.openTrack(track);
        }
        ready.then(() -> !m.busyProperty().get() && m.timelineProperty().get() != null
                        && m.timelineProperty().get().name().equals(track), then,
                m.timelineProperty(), m.busyProperty());
    }

    private void moveTo(Map<String, String> args) {
        whenOpen(args.get("track"), () -> {
            MigrationsViewModel m = model.get();
            m.targetProperty().set(args.get("version"));
            m.moveToTarget();
            // Going back asks whether to rebuild; a lesson agrees. A move that asks nothing ends the wait.
            ready.then(() -> m.rebuildQuestionProperty().get() != null || !m.busyProperty().get(), () -> {
                if (m.rebuildQuestionProperty().get() != null) {
                    m.confirmRebuild();
                }
            }, m.rebuildQuestionProperty(), m.busyProperty());
        });
    }
}
