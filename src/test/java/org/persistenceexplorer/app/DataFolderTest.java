package org.persistenceexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertThat(DataFolder.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), "/home/ada"))
                .isEqualTo(Path.of("/data/ada/persistence-explorer"));
    }

    @Test
    void linuxFallsBackToLocalShareWithoutXdgDataHome() {
        assertThat(DataFolder.defaultFor("Linux", Map.of(), "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.local/share/persistence-explorer"));
        assertThat(DataFolder.defaultFor("Linux", Map.of("XDG_DATA_HOME", " "), "/home/ada"))
                .as("blank counts as not set").isEqualTo(Path.of("/home/ada/.local/share/persistence-explorer"));
    }

    @Test
    void otherUnixesFollowTheLinuxRule() {
        assertThat(DataFolder.defaultFor("FreeBSD", Map.of(), "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.local/share/persistence-explorer"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataFolder.defaultFor("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), "/Users/ada"))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Persistence Explorer"));
    }

    @Test
    void windowsUsesAppData() {
        Path appData = Path.of("/c/Users/ada/AppData/Roaming");
        assertThat(DataFolder.defaultFor("Windows 11", Map.of("APPDATA", appData.toString()), "/c/Users/ada"))
                .isEqualTo(appData.resolve("Persistence Explorer"));
    }

    @Test
    void windowsWithoutAppDataUsesTheHomeFolder() {
        assertThat(DataFolder.defaultFor("Windows 10", Map.of(), "/c/Users/ada"))
                .isEqualTo(Path.of("/c/Users/ada/Persistence Explorer"));
    }

    @Test
    void thisMachineGetsAnAbsoluteFolderNamedForTheApp() {
        Path folder = DataFolder.defaultForThisMachine();

        assertThat(folder.isAbsolute()).isTrue();
        assertThat(folder.getFileName().toString()).isIn("persistence-explorer", "Persistence Explorer");
    }
}
