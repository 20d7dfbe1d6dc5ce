package org.persistenceexplorer.service.connect;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Properties;

/**
 * One of the app's small settings files in the data folder (connections.properties,
 * org-mappings.properties): read whole, written whole through a temporary file and an atomic
 * move, so a crash never leaves half a file. Blocking file access; not synchronized (its owner is).
 */
public final class PropertiesFile {

    private final Path file;
    private final String comment;

    /** @param comment the first line written into the file, saying what it holds */
    public PropertiesFile(Path file, String comment) {
        this.file = file;
        this.comment = comment;
    }

    public Path path() {
        return file;
    }

    /** The file's properties, none when it does not exist yet. */
    public Properties read() throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return p;
    }

    /** Replaces the file with the properties. */
    public void write(Properties p) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, comment);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A key part from a name that survives the properties format (names may hold any character): its UTF-8 in hex. */
    public static String keyPart(String name) {
        return HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8));
    }
}
