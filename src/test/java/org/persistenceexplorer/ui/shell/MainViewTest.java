package org.persistenceexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.service.engine.PoolStatus;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.UiTicker;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.common.WindowSettings;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.ui.log.StatementLogViewModel;
import org.persistenceexplorer.ui.status.StatusBarView;
import org.persistenceexplorer.ui.status.StatusBarViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window builds its tabs from the feature list: titles and order, Ctrl+digit
 * shortcuts, a view built only when its tab is first shown, and ticks only for the tab in view.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewTest extends FxRobot {

    private final UiTicker ticker = new UiTicker();
    private final Map<String, AtomicInteger> ticks = new ConcurrentHashMap<>();
    private final Map<String, String> lifecycle = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> resets = new ConcurrentHashMap<>();
    private MainView main;

    @Start
    void start(Stage stage) {
        StatementLog log = new StatementLog(100);
        InlineBackgroundRunner runner = new InlineBackgroundRunner();
        Preferences prefs = Preferences.userRoot().node("org/persistenceexplorer/test/mainview");
        main = new MainView(List.of(new CountingFeature("alpha", "Alpha"), new CountingFeature("beta", "Beta"),
                new CountingFeature("gamma", "Gamma")),
                feature -> new FeatureContext(runner, ticker.group(), prefs.node(feature.id()), List::of),
                new WindowSettings(prefs));
        stage.setScene(new Scene(ViewLoader.forController(main)
                .nested(StatementLogView.class, () -> new StatementLogView(new StatementLogViewModel(log)))
                .nested(StatusBarView.class, () -> new StatusBarView(new StatusBarViewModel(List::of,
                        () -> PoolStatus.NONE, log, runner, p -> null)))
                .load(), 900, 600));
        stage.show();
    }

    @Test
    void tabsComeFromTheFeatureListAndOnlyTheFirstIsBuiltAtFirst() {
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(tabs.getTabs()).extracting(Tab::getId).containsExactly("alphaTab", "betaTab", "gammaTab");
        assertThat(main.openedFeatures()).containsExactly("alpha");
        assertThat(lookup("#alpha-content").queryAs(Label.class).getText()).isEqualTo("Alpha content");
    }

    @Test
    void aHiddenTabsTickerDoesNotRun() {
        interact(() -> {
            ticker.tick();
            ticker.tick();
        });
        assertThat(count("alpha")).as("shown once + two ticks").isEqualTo(3);
        assertThat(ticks).doesNotContainKey("beta");

        clickOn("Beta");
        interact(() -> {
            ticker.tick();
            ticker.tick();
            ticker.tick();
        });
        assertThat(count("alpha")).as("hidden: no more ticks").isEqualTo(3);
        assertThat(count("beta")).isEqualTo(4);
        assertThat(lifecycle).containsEntry("alpha", "hidden").containsEntry("beta", "shown");
        assertThat(main.openedFeatures()).containsExactly("alpha", "beta");
        assertThat(ticks).as("never shown: never built, never ticked").doesNotContainKey("gamma");
    }

    @Test
    void ctrlDigitSelectsTheTabAtThatPosition() {
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Gamma");
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Alpha");
    }

    @Test
    void closingTheWindowClosesEveryOpenedFeatureAndStopsItsTicks() {
        clickOn("Beta");
        interact(main::close);
        int before = count("beta");
        interact(ticker::tick);
        assertThat(count("beta")).isEqualTo(before);
        assertThat(lifecycle).containsEntry("alpha", "closed").containsEntry("beta", "closed");
    }

    @Test
    void aProfileSwitchResetsEveryFeatureAndBuildsTheSelectedTabAgain() {
        clickOn("Beta");
        interact(main::reloadFeatures);
        assertThat(resets).as("opened or not, every feature forgets its view-models")
                .containsOnlyKeys("alpha", "beta", "gamma");
        assertThat(lifecycle).containsEntry("alpha", "closed");
        assertThat(main.openedFeatures()).as("only the tab in view is built again").containsExactly("beta");
        assertThat(opens.get("beta").get()).as("Beta built twice: before and after the switch").isEqualTo(2);
        assertThat(opens.get("alpha").get()).isEqualTo(1);
    }

    private int count(String id) {
        return ticks.getOrDefault(id, new AtomicInteger()).get();
    }

    /** A feature that counts its ticks and records its life. */
    private final class CountingFeature implements Feature {
        private final String id;
        private final String title;

        CountingFeature(String id, String title) {
            this.id = id;
            this.title = title;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public void reset() {
            resets.put(id, true);
        }

        @Override
        public FeatureView open(FeatureContext context) {
            opens.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            Label content = new Label(title + " content");
            content.setId(id + "-content");
            context.ticker().subscribe(() -> ticks.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
            return new FeatureView() {
                @Override
                public javafx.scene.Node root() {
                    return content;
                }

                @Override
                public void shown() {
                    lifecycle.put(id, "shown");
                }

                @Override
                public void hidden() {
                    lifecycle.put(id, "hidden");
                }

                @Override
                public void close() {
                    lifecycle.put(id, "closed");
                }
            };
        }
    }
}
