package org.persistenceexplorer.store.sql;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.persistenceexplorer.domain.migration.TrackFile;

/**
 * Reads every file of a track's folder (the one Flyway scans), on the classpath or on disk:
 * the undo scripts Flyway's open edition ignores, and the files it will not run, so the app can
 * list each. Top level only (Flyway also looks into subfolders; the app's tracks have none).
 * Blocking (file reads); call off the FX thread.
 */
public final class TrackFiles {

    private TrackFiles() {
    }

    /**
     * The files in name order, the drafts folder's after the track's; a missing folder is an
     * {@link IOException} naming it.
     */
    public static List<TrackFile> of(MigrationTrack track) throws IOException {
        List<TrackFile> files = new ArrayList<>(of(track.location()));
        if (track.drafts() != null && Files.isDirectory(track.drafts())) {
            files.addAll(read(track.drafts()));
        }
        return files;
    }

    private static List<TrackFile> of(String location) throws IOException {
        if (location.startsWith("filesystem:")) {
            return read(Path.of(location.substring("filesystem:".length())));
        }
        String resource = location.substring("classpath:".length());
        URL url = TrackFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new NoSuchFileException(resource, null, "not on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return readInJar(uri);
            }
            return read(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IOException("Cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    private static List<TrackFile> readInJar(URI uri) throws IOException {
        FileSystem jar;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri);
        }
        return read(jar.provider().getPath(uri));
    }

    private static List<TrackFile> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not a folder");
        }
        List<TrackFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = p.getFileName().toString();
                // A binary file is listed (as refused), not decoded: its text is not needed.
                files.add(new TrackFile(name, looksLikeText(name) ? Files.readString(p, StandardCharsets.UTF_8) : ""));
            }
        }
        return files;
    }

    private static boolean looksLikeText(String name) {
        return name.endsWith(".sql") || name.endsWith(".conf");
    }
}
