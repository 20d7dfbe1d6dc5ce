package org.persistenceexplorer.app;

import java.util.Map;
import java.util.Optional;
import org.persistenceexplorer.store.engine.Causes;

/**
 * Why JavaFX cannot open a window on this machine, in words for the user: no graphical display,
 * or (on Linux) no GTK 3 library for JavaFX to draw with. Recognised either before launch (a
 * cheap look at the environment) or from what {@code Application.launch} throws; anything else
 * is not a display problem and stays the caller's to report. Plain logic, no state; Main uses it
 * on the main thread.
 */
final class DisplayProblem {

    /** The exit status after a display problem; 2 is taken by bad command-line options. */
    static final int EXIT_STATUS = 3;

    // JavaFX's own messages (com.sun.glass.ui.gtk.GtkApplication), thrown from Application.launch.
    private static final String NO_GTK_MESSAGE = "Unable to load glass GTK library";
    private static final String NO_DISPLAY_MESSAGE = "Unable to open DISPLAY";

    private static final String HEADLESS_RECIPE = "On a headless Linux box, run a virtual display: "
            + "sudo apt-get install xvfb xauth libgtk-3-0, then Xvfb :99 & and export DISPLAY=:99 before "
            + "starting again.";

    private final String paragraph;

    private DisplayProblem(String paragraph) {
        this.paragraph = paragraph;
    }

    /**
     * A display problem visible before launch: Linux with neither DISPLAY nor WAYLAND_DISPLAY set.
     * Skipped when a glass platform is chosen explicitly (Monocle renders without any display).
     */
    static Optional<DisplayProblem> beforeLaunch(String osName, Map<String, String> environment,
            String glassPlatform) {
        boolean linux = osName != null && osName.toLowerCase().startsWith("linux");
        if (!linux || glassPlatform != null || isSet(environment.get("DISPLAY"))
                || isSet(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of(noDisplay(null));
    }

    /** The display problem behind a launch failure, or empty if the failure is something else. */
    static Optional<DisplayProblem> recognise(Throwable launchFailure, Map<String, String> environment) {
        if (Causes.anyMessageContains(launchFailure, NO_GTK_MESSAGE)) {
            return Optional.of(new DisplayProblem("Persistence Explorer cannot open its window: the GTK 3 "
                    + "library that JavaFX draws with on Linux is not installed. Install it (Debian/Ubuntu: "
                    + "sudo apt-get install libgtk-3-0; Fedora: sudo dnf install gtk3) and start again. The app "
                    + "also needs a graphical display. " + HEADLESS_RECIPE));
        }
        if (Causes.anyMessageContains(launchFailure, NO_DISPLAY_MESSAGE)) {
            return Optional.of(noDisplay(environment.get("DISPLAY")));
        }
        return Optional.empty();
    }

    private static DisplayProblem noDisplay(String display) {
        String what = isSet(display)
                ? "the graphical display DISPLAY=" + display + " cannot be opened"
                : "no graphical display was found (DISPLAY is not set)";
        return new DisplayProblem("Persistence Explorer cannot open its window: " + what
                + ". Start it from a desktop session, or set DISPLAY to a running X server. " + HEADLESS_RECIPE
                + " JavaFX on Linux also needs GTK 3 (Debian/Ubuntu: sudo apt-get install libgtk-3-0).");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** One paragraph: what is missing, what to install, and how to get a display. */
    String paragraph() {
        return paragraph;
    }

    /** The paragraph broken into lines of at most {@code width} characters, for a terminal. */
    String paragraph(int width) {
        StringBuilder text = new StringBuilder();
        int lineLength = 0;
        for (String word : paragraph.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                text.append(System.lineSeparator());
                lineLength = 0;
            } else if (lineLength > 0) {
                text.append(' ');
                lineLength++;
            }
            text.append(word);
            lineLength += word.length();
        }
        return text.toString();
    }
}
