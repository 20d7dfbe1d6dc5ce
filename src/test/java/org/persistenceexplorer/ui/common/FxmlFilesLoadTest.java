package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.service.engine.PoolStatus;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.startup.StartupSequence;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.ui.log.StatementLogViewModel;
import org.persistenceexplorer.ui.shell.MainView;
import org.persistenceexplorer.ui.startup.StartupView;
import org.persistenceexplorer.ui.startup.StartupViewModel;
import org.persistenceexplorer.ui.status.StatusBarView;
import org.persistenceexplorer.ui.status.StatusBarViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every file in fxml/ loads with its controller, and every file has a controller here: a
 * renamed view, controller or fx:id breaks the build instead of the app.
 */
@ExtendWith(ApplicationExtension.class)
class FxmlFilesLoadTest extends FxRobot {

    private final InlineBackgroundRunner runner = new InlineBackgroundRunner();
    private final StatementLog log = new StatementLog(100);

    private final Map<String, Supplier<ViewLoader>> controllers = new java.util.HashMap<>(Map.of(
            "StartupView.fxml", () -> ViewLoader.forController(
                    new StartupView(new StartupViewModel(new StartupSequence(List.of()), runner), () -> { })),
            "StatementLogView.fxml", () -> ViewLoader.forController(statementLogView()),
            "StatusBarView.fxml", () -> ViewLoader.forController(statusBarView()),
            "LabView.fxml", () -> ViewLoader.forController(new org.persistenceexplorer.ui.lab.LabView(
                    new org.persistenceexplorer.ui.lab.LabViewModel(runner, new org.persistenceexplorer.service.lab.LoadingLab(
                            null, () -> null, new org.persistenceexplorer.store.capture.StatementRecorder()),
                            Preferences.userRoot().node("org/persistenceexplorer/test/fxml-lab")))),
            "OrgChartView.fxml", () -> ViewLoader.forController(new org.persistenceexplorer.ui.orgchart.OrgChartView(
                    new org.persistenceexplorer.ui.orgchart.OrgChartViewModel(List::of, runner, null), null)),
            "MigrationsView.fxml", () -> ViewLoader.forController(new org.persistenceexplorer.ui.migrations.MigrationsView(
                    new org.persistenceexplorer.ui.migrations.MigrationsViewModel(
                            new org.persistenceexplorer.service.migrations.MigrationTracks(() -> null), runner))),
            "TablesView.fxml", () -> ViewLoader.forController(org.persistenceexplorer.ui.tables.TablesViewTest.view(runner, log)),
            "TxLabView.fxml", () -> ViewLoader.forController(new org.persistenceexplorer.ui.txlab.TxLabView(
                    new org.persistenceexplorer.ui.txlab.TxLabViewModel(runner, new org.persistenceexplorer.service.txlab.TransactionsLab(
                            () -> null, (name, size, timeout) -> null, null, null)))),
            "ConsoleView.fxml", () -> ViewLoader.forController(new org.persistenceexplorer.ui.console.ConsoleView(
                    org.persistenceexplorer.ui.console.ConsoleViewModel.unconnected(runner))),
            "MainView.fxml", () -> ViewLoader.forController(new MainView(List.of(), feature -> null,
                            new WindowSettings(Preferences.userRoot().node("org/persistenceexplorer/test/fxml"))))
                    .nested(StatementLogView.class, this::statementLogView)
                    .nested(StatusBarView.class, this::statusBarView)));

    {
        // Map.of takes ten pairs at most: the views after the tenth go here.
        controllers.put("MappingView.fxml", () -> ViewLoader.forController(new org.persistenceexplorer.ui.orgchart.MappingView(
                new org.persistenceexplorer.ui.orgchart.MappingViewModel(runner, null, m -> { }), () -> { })));
        controllers.put("ConnectView.fxml", () -> ViewLoader.forController(new org.persistenceexplorer.ui.connect.ConnectView(
                new org.persistenceexplorer.ui.connect.ConnectViewModel(runner, new org.persistenceexplorer.service.connect.Connections(
                        new org.persistenceexplorer.service.connect.ProfileStore(Path.of("target", "fxml-connect")),
                        new org.persistenceexplorer.service.connect.PgPass(Path.of("target", "fxml-connect", ".pgpass")),
                        new org.persistenceexplorer.service.connect.ConnectionCheck(new org.persistenceexplorer.store.capture.StatementRecorder()),
                        (profile, password) -> { }, () -> org.persistenceexplorer.service.connect.ConnectionProfile.EMBEDDED),
                        () -> { }), () -> { })));
    }

    private StatementLogView statementLogView() {
        return new StatementLogView(new StatementLogViewModel(log));
    }

    private StatusBarView statusBarView() {
        return new StatusBarView(new StatusBarViewModel(List::of, () -> PoolStatus.NONE, log, runner, p -> null));
    }

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void everyViewFileLoadsWithItsController() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.list(Path.of("fxml"))) {
            files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fxml")).sorted().collect(Collectors.toList());
        }
        assertThat(files).as("each FXML file needs a controller in this test").containsExactlyInAnyOrderElementsOf(controllers.keySet());

        for (String file : files) {
            ViewLoader loader = controllers.get(file).get();
            assertThat(loader.controllerType().getSimpleName() + ".fxml").isEqualTo(file);
            Parent[] root = new Parent[1];
            interact(() -> root[0] = loader.load());
            assertThat(root[0]).as(file).isNotNull();
        }
    }
}
