package org.persistenceexplorer.ui.migrations;

import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.ViewLoader;

/**
 * The Migrations tab: pick a track, slide through its versions and move the schema there (both
 * ways), read each migration's SQL beside the schema diff it caused and the diagram at that
 * version, compare any two versions, open a folder of one's own. FX thread.
 */
public final class MigrationsFeature implements Feature {

    private final MigrationTracks tracks;
    /** Built by the tab's first open (or a headless prepare), then the same for both. */
    private MigrationsViewModel model;

    public MigrationsFeature(MigrationTracks tracks) {
        this.tracks = tracks;
    }

    @Override
    public String id() {
        return "migrations";
    }

    @Override
    public String title() {
        return "Migrations";
    }

    @Override
    public String icon() {
        return "mdmz-timeline";
    }

    @Override
    public void prepare(FeatureContext context) {
        if (model == null) {
            model = new MigrationsViewModel(tracks, context.runner());
            model.start();
        }
    }

    @Override
    public java.util.List<org.persistenceexplorer.ui.common.FeatureCommand> commands() {
        return MigrationsCommands.of(() -> model);
    }

    @Override
    public void reset() {
        model = null;
    }

    @Override
    public FeatureView open(FeatureContext context) {
        boolean fresh = model == null;
        if (fresh) {
            model = new MigrationsViewModel(tracks, context.runner());
        }
        var root = ViewLoader.load(new MigrationsView(model));
        if (fresh) {
            model.start();
        }
        return FeatureView.of(root);
    }
}
