package org.persistenceexplorer.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its data by default, per user and per platform: on Linux
 * $XDG_DATA_HOME/persistence-explorer (~/.local/share/persistence-explorer), on macOS
 * ~/Library/Application Support/Persistence Explorer, on Windows %APPDATA%\Persistence Explorer.
 */
final class DataFolder {

    private DataFolder() {
    }

    static Path defaultFor(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : userHome, "Persistence Explorer");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Persistence Explorer");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("persistence-explorer");
    }

    static Path defaultForThisMachine() {
        return defaultFor(System.getProperty("os.name"), System.getenv(), System.getProperty("user.home"));
    }
}
