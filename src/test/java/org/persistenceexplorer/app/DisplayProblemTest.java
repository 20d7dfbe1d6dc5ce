package org.persistenceexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayProblemTest {

    /** What Application.launch threw on this machine without libgtk-3-0 (JavaFX 21, Xvfb running). */
    private static final UnsupportedOperationException NO_GTK =
            new UnsupportedOperationException("Unable to load glass GTK library.");

    @Test
    void missingGtkNamesThePackageToInstallAndTheHeadlessRecipe() {
        // Launched another way (Platform.startup, a wrapper), the same failure arrives wrapped.
        Throwable wrapped = new RuntimeException("Application launch error", NO_GTK);

        String paragraph = DisplayProblem.recognise(wrapped, Map.of("DISPLAY", ":57")).orElseThrow().paragraph();

        assertThat(paragraph).contains("GTK 3", "sudo apt-get install libgtk-3-0", "xvfb xauth",
                "Xvfb :99", "DISPLAY=:99");
    }

    @Test
    void displayThatCannotBeOpenedIsNamedInTheParagraph() {
        Throwable failure = new UnsupportedOperationException("Unable to open DISPLAY");

        String paragraph = DisplayProblem.recognise(failure, Map.of("DISPLAY", ":42")).orElseThrow().paragraph();

        assertThat(paragraph).contains("DISPLAY=:42 cannot be opened", "Xvfb :99");
    }

    @Test
    void unrelatedLaunchFailureIsNotTakenForADisplayProblem() {
        Throwable failure = new RuntimeException("Exception in Application start method",
                new IllegalStateException("Start Persistence Explorer through Main"));

        assertThat(DisplayProblem.recognise(failure, Map.of())).isEmpty();
    }

    @Test
    void linuxWithoutAnyDisplayVariableIsCaughtBeforeLaunch() {
        assertThat(DisplayProblem.beforeLaunch("Linux", Map.of(), null))
                .hasValueSatisfying(p -> assertThat(p.paragraph()).contains("DISPLAY is not set", "Xvfb :99"));
    }

    @Test
    void aDisplayVariableMonocleOrAnotherSystemSkipsThePreCheck() {
        assertThat(DisplayProblem.beforeLaunch("Linux", Map.of("DISPLAY", ":0"), null)).isEmpty();
        assertThat(DisplayProblem.beforeLaunch("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isEmpty();
        assertThat(DisplayProblem.beforeLaunch("Linux", Map.of(), "Monocle")).isEmpty();
        assertThat(DisplayProblem.beforeLaunch("Mac OS X", Map.of(), null)).isEmpty();
        assertThat(DisplayProblem.beforeLaunch("Linux", Map.of("DISPLAY", " "), null)).isPresent();
    }

    @Test
    void wrappedParagraphKeepsEveryWordWithinTheWidth() {
        DisplayProblem problem = DisplayProblem.recognise(NO_GTK, Map.of()).orElseThrow();

        String wrapped = problem.paragraph(60);

        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(Arrays.asList(wrapped.split("\\s+"))).isEqualTo(Arrays.asList(problem.paragraph().split(" ")));
    }
}
