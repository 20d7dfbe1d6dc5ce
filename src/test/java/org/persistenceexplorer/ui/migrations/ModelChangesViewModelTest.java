package org.persistenceexplorer.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.service.migrations.TrackModels;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/**
 * The Model page's flow with the real service (hr and its copy in schemas of their own): the
 * verdict when a track opens, model v2 switched on, autogenerate, take the rename, save and apply,
 * the verdict afterwards.
 */
class ModelChangesViewModelTest {

    private final MigrationsViewModelTest.TestSchemas schemas = new MigrationsViewModelTest.TestSchemas();

    @TempDir
    Path drafts;

    @AfterEach
    void dropSchemas() throws Exception {
        schemas.close();
    }

    private MigrationsViewModel model() throws Exception {
        MigrationTracks tracks = new MigrationTracks(() -> TestEngines.sql().database().dataSource(), schemas.prefix(),
                drafts, TrackModels.BUNDLED);
        tracks.migrate(TrackModels.copyOf("hr"), null);
        return new MigrationsViewModel(tracks, new InlineBackgroundRunner());
    }

    @Test
    void modelV2IsGeneratedReviewedWithTheRenameSavedAndApplied() throws Exception {
        MigrationsViewModel tab = model();
        ModelChangesViewModel page = tab.modelChanges();
        tab.openTrack("blog");
        assertThat(page.availableProperty().get()).isFalse();
        assertThat(page.verdictProperty().get()).contains("no Hibernate model");

        tab.openTrack("hr-copy");
        assertThat(page.availableProperty().get()).isTrue();
        assertThat(page.canSaveProperty().get()).isTrue();
        assertThat(page.matchesProperty().get()).isTrue();
        assertThat(page.verdictProperty().get()).startsWith("The model matches schema " + schemas.prefix() + "hr_copy");

        page.changedModelProperty().set(true);
        assertThat(page.matchesProperty().get()).isFalse();
        assertThat(page.findings()).anyMatch(f -> f.contains("employee.phone") && f.contains("not in the schema"))
                .anyMatch(f -> f.startsWith("Likely rename: employee.title → job_title"));

        page.generate();
        assertThat(page.fileNameProperty().get()).isEqualTo("V5__model_changes.sql");
        assertThat(page.scriptProperty().get()).containsIgnoringCase("add column phone varchar(30)");
        assertThat(page.renames()).hasSize(1);
        page.useRename(page.renames().get(0));
        assertThat(page.renames()).isEmpty();
        assertThat(page.scriptProperty().get()).contains("RENAME COLUMN title TO job_title");
        page.fileNameProperty().set("V5__phone_and_job_title.sql");
        page.scriptProperty().set(page.scriptProperty().get() + "\n-- reviewed\n");

        tab.saveAndApply();
        assertThat(tab.failedProperty().get()).as(tab.messageProperty().get()).isFalse();
        assertThat(tab.messageProperty().get()).contains("Saved V5__phone_and_job_title.sql").contains("version 5");
        assertThat(tab.history()).anyMatch(e -> "5".equals(e.version()) && e.state().equals("Success"));
        assertThat(tab.versions()).endsWith("5");
        assertThat(tab.sqlProperty().get()).contains("RENAME COLUMN");
        assertThat(Files.readString(drafts.resolve("hr-copy").resolve("V5__phone_and_job_title.sql"))).contains("reviewed");
        assertThat(page.matchesProperty().get()).as("model v2 now matches").isTrue();
        assertThat(page.scriptProperty().get()).isEmpty();

        page.changedModelProperty().set(false);
        assertThat(page.matchesProperty().get()).as("the app's model no longer maps job_title").isFalse();

        tab.resetCopy();
        assertThat(tab.currentLineProperty().get()).contains("version 4");
        assertThat(page.matchesProperty().get()).isTrue();
        assertThat(drafts.resolve("hr-copy").resolve("V5__phone_and_job_title.sql")).doesNotExist();
    }

    @Test
    void theShippedHrIsCheckedButSavesGoToItsCopy() throws Exception {
        MigrationsViewModel tab = model();
        tab.openTrack("hr");
        ModelChangesViewModel page = tab.modelChanges();
        assertThat(page.availableProperty().get()).isTrue();
        assertThat(page.canSaveProperty().get()).isFalse();
        assertThat(page.saveHintProperty().get()).contains("open hr-copy");
        // This test's hr schema is not migrated: every mapped table is missing.
        assertThat(page.matchesProperty().get()).isFalse();
        assertThat(page.findings()).anyMatch(f -> f.startsWith("Table employee is in the model"));
    }
}
