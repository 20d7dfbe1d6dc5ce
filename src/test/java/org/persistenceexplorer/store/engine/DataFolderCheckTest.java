package org.persistenceexplorer.store.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every data-folder problem gets its own true sentence, not "did not start" with advice about disk space. */
class DataFolderCheckTest {

    @TempDir
    Path temp;

    @Test
    void aUsableFolderHasNoProblem() {
        assertThat(DataFolderCheck.problemWith("PostgreSQL", temp.resolve("data/postgres"))).isEmpty();
        assertThat(temp.resolve("data/postgres")).isDirectory().isEmptyDirectory();
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a folder");

        EngineStartException problem = DataFolderCheck.problemWith("PostgreSQL", file.resolve("postgres")).orElseThrow();

        assertThat(problem.getMessage()).contains(file + " is a file, not a folder");
        assertThat(problem.remedy()).contains("--data-dir");
    }

    @Test
    void aPlaceWhereNoFolderCanBeMadeSaysSo() {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "needs Linux /proc");

        EngineStartException problem = DataFolderCheck.problemWith("PostgreSQL", Path.of("/proc/pe-data/postgres")).orElseThrow();

        assertThat(problem.getMessage()).startsWith("The PostgreSQL data folder /proc/pe-data/postgres cannot be ")
                .contains("/proc does not permit new folders").doesNotContain("did not start");
        assertThat(problem.remedy()).doesNotContain("disk space");
    }

    @Test
    void aFolderThisUserMayNotWriteToNamesPermissionsAndOwner() throws IOException {
        Path locked = Files.createDirectory(temp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        // root may write anyway; then the engine's own "Permission denied" is what is explained.
        boolean root = "root".equals(System.getProperty("user.name"));
        EngineStartException problem = root
                ? DataFolderCheck.explainFailure("PostgreSQL", locked, new AccessDeniedException(locked.toString())).orElseThrow()
                : DataFolderCheck.problemWith("PostgreSQL", locked.resolve("postgres")).orElseThrow();

        assertThat(problem.getMessage()).contains("has no permission to write to " + locked)
                .contains("with permissions r-x------");
        assertThat(problem.remedy()).contains("write access");
    }

    @Test
    void aFullDiskIsCalledFull() throws Exception {
        Path tiny = Files.createDirectory(temp.resolve("tiny"));
        boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", tiny.toString())
                .redirectErrorStream(true).start().waitFor() == 0;
        assumeTrue(mounted, "needs a tiny tmpfs (root and mount)");
        try {
            EngineStartException before = DataFolderCheck.problemWith("PostgreSQL", tiny.resolve("postgres")).orElseThrow();
            assertThat(before.getMessage()).contains("is full: only").contains("needs at least 64.0 MB");

            IOException noSpace = null;
            try {
                Files.write(tiny.resolve("big"), new byte[2 * 1024 * 1024]);
            } catch (IOException e) {
                noSpace = e;
            }
            assertThat(noSpace).as("a 2 MB file on a 1 MB disk").isNotNull();
            EngineStartException during = DataFolderCheck.explainFailure("PostgreSQL", tiny.resolve("postgres"), noSpace)
                    .orElseThrow();
            assertThat(during.getMessage()).contains("is full");
        } finally {
            new ProcessBuilder("umount", tiny.toString()).start().waitFor();
        }
    }
}
