package org.persistenceexplorer.service.migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.migration.HistoryEntry;
import org.persistenceexplorer.domain.migration.TrackFile;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.sql.CatalogSnapshots;
import org.persistenceexplorer.store.sql.MigrationTrack;
import org.persistenceexplorer.store.sql.Migrations;
import org.persistenceexplorer.store.sql.ScriptFailure;
import org.persistenceexplorer.store.sql.TrackFiles;
import org.persistenceexplorer.store.sql.UndoRun;

/**
 * The migration tracks and their time travel: open a track (its versions, the schema after each,
 * Flyway's history), move its live schema to any version (forward with Flyway, back with the
 * track's undo scripts in one transaction, or by a rebuild the user confirmed), repair, apply an
 * out-of-order script, open a folder of one's own. Every statement goes through the captured
 * DataSource, under the calling work's action label. Each track lives in its own schema.
 *
 * <p>The schema after each version comes from a scratch copy of the track (a schema of its own,
 * dropped afterwards) migrated one version at a time and read from the catalog; it is kept until
 * the track's files change. Blocking; call off the FX thread. Thread-safe.
 */
public final class MigrationTracks {

    /** The tracks shipped under sample-data/migrations, in the order the tab lists them. */
    public static final List<String> BUNDLED = List.of("blog", "library", "movies", "hr", "shop");

    private final Supplier<DataSource> dataSource;
    private final Map<String, MigrationTrack> tracks = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, CachedSteps> steps = new ConcurrentHashMap<>();
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();
    private final String schemaPrefix;

    /** The bundled tracks, each in the schema of its own name. */
    public MigrationTracks(Supplier<DataSource> dataSource) {
        this(dataSource, "");
    }

    /**
     * @param schemaPrefix put in front of every track's schema name (tests use their own, so they
     *                     never touch the app's schemas)
     */
    public MigrationTracks(Supplier<DataSource> dataSource, String schemaPrefix) {
        this.dataSource = dataSource;
        this.schemaPrefix = schemaPrefix;
        for (String name : BUNDLED) {
            tracks.put(name, new MigrationTrack(name, schemaPrefix + name));
        }
    }

    /** The tracks that can be opened: the bundled ones, then folders opened before. */
    public List<String> trackNames() {
        synchronized (tracks) {
            return List.copyOf(tracks.keySet());
        }
    }

    /** The schema a track lives in. */
    public String schemaOf(String name) {
        return track(name).schema();
    }

    /**
     * Adds a folder of Flyway scripts as a track named after the folder, migrated into a scratch
     * schema of that name, and opens it (nothing is migrated yet).
     *
     * @return the new track's name
     * @throws IOException when the folder is missing or unreadable, named in the message
     */
    public String addFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("The folder " + folder + " does not exist or is not a folder.");
        }
        if (!Files.isReadable(folder)) {
            throw new IOException("The folder " + folder + " cannot be read (no permission).");
        }
        String base = folder.toAbsolutePath().normalize().getFileName() == null ? "folder"
                : folder.toAbsolutePath().normalize().getFileName().toString();
        String schema = schemaPrefix + "folder_" + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        schema = schema.length() > 60 ? schema.substring(0, 60) : schema;
        synchronized (tracks) {
            String name = base;
            for (int i = 2; tracks.containsKey(name) && !tracks.get(name).location().endsWith(folder.toAbsolutePath().toString()); i++) {
                name = base + " (" + i + ")";
                schema = schema + "_" + i;
            }
            tracks.put(name, MigrationTrack.folder(name, folder, schema));
            return name;
        }
    }

    /**
     * The track as it is now: versions with their schemas (built once per version of the files),
     * Flyway's history, the live schema and what is wrong.
     */
    public TrackTimeline open(String name, Progress progress) throws IOException, SQLException {
        MigrationTrack track = track(name);
        List<TrackFile> files = TrackFiles.of(track);
        FolderReading folder = new FolderReading(files);
        List<VersionStep> versionSteps = stepsOf(track, files, folder, progress);
        progress.update(-1, "Reading the history of " + name);
        Migrations migrations = new Migrations(dataSource.get());
        List<String> problems = new ArrayList<>(folder.problems);
        List<HistoryEntry> history = folder.problems.isEmpty() ? migrations.history(track) : List.of();
        String current = history.stream().filter(HistoryEntry::current).map(HistoryEntry::version)
                .filter(v -> v != null).findFirst().orElse(TrackTimeline.EMPTY);
        problems.addAll(problemsIn(history, current));
        String failure = lastFailure.get(name);
        if (failure != null) {
            problems.add(failure);
        }
        SchemaSnapshot live = new CatalogSnapshots(dataSource.get()).read(track.schema());
        return new TrackTimeline(name, track.schema(), versionSteps, history, current, live, folder.entries, problems,
                "hr".equals(name) && BUNDLED.contains(name) && track.location().startsWith("classpath:"));
    }

    private static List<String> problemsIn(List<HistoryEntry> history, String current) {
        List<String> problems = new ArrayList<>();
        for (HistoryEntry e : history) {
            if (e.checksumDrift()) {
                problems.add(e.script() + " was edited after it ran: the history has checksum " + e.checksum()
                        + ", the file now " + e.fileChecksum() + ". Either restore the file as it was, or repair "
                        + "(the history takes the file's checksum; the schema is not changed).");
            }
            String state = e.state().toLowerCase(Locale.ROOT);
            if (state.equals("ignored") && e.version() != null) {
                problems.add(e.script() + " has version " + e.version() + ", lower than the current " + current
                        + ", and was never applied: it is out of order. Apply it out of order, or give it a higher version.");
            } else if (state.startsWith("failed")) {
                problems.add(e.script() + " failed and left a failed row in the history (it ran outside a transaction): "
                        + "what ran before the error stays applied. Fix the script, undo its effects by hand if needed, then repair.");
            } else if (state.startsWith("missing")) {
                problems.add("Version " + e.version() + " is in the history but its script " + e.script() + " is gone.");
            }
        }
        return problems;
    }

    /**
     * Moves the live schema to {@code target} (a version of the timeline, or {@link TrackTimeline#EMPTY}):
     * forward with Flyway's migrate up to the target, back with the undo scripts from the current
     * version down, in one transaction, checked against the schema a fresh migrate gives.
     *
     * @throws RebuildNeeded when going back and a version on the way has no undo script
     */
    public TrackTimeline moveTo(String name, String target, Progress progress)
            throws RebuildNeeded, MigrationFailed, IOException, SQLException {
        TrackTimeline now = open(name, progress);
        MigrationTrack track = track(name);
        int direction = Versions.compare(target, now.currentVersion());
        if (direction > 0) {
            progress.update(-1, "Migrating " + name + " to version " + target);
            migrate(track, target, false);
        } else if (direction < 0) {
            if (!now.canUndoTo(target)) {
                throw new RebuildNeeded(name, target, rebuildWarning(now, target));
            }
            undo(track, now, target, progress);
        }
        return open(name, progress);
    }

    /**
     * Applies the track's pending versions up to {@code target} (null: all) and nothing else: no
     * timeline is read. What "move forward" does, without the reading around it.
     *
     * @return the schema's version afterwards
     */
    public String migrate(String name, String target) throws MigrationFailed {
        MigrationTrack track = track(name);
        migrate(track, target, false);
        String version = new Migrations(dataSource.get()).currentVersion(track);
        return version == null ? TrackTimeline.EMPTY : version;
    }

    /** The plain-words warning before a rebuild: which schema is dropped and which rows go with it. */
    static String rebuildWarning(TrackTimeline now, String target) {
        List<String> missing = now.steps().stream()
                .filter(s -> Versions.compare(s.version(), target) > 0 && Versions.compare(s.version(), now.currentVersion()) <= 0
                        && !s.undoable())
                .map(VersionStep::script).toList();
        return "Going back from version " + now.currentVersion() + " to " + target + " needs undo scripts this track "
                + "does not have (" + String.join(", ", missing) + "). The app can rebuild instead: drop the schema "
                + now.schema() + " with all its tables and every row in them (" + now.live().tables().size()
                + " tables), then migrate a fresh schema to version " + target + ". Rows added or changed since "
                + "the migrations ran are lost; the sample data the scripts insert comes back.";
    }

    /** Drops the track's schema and migrates a fresh one to {@code target} (after the user confirmed). */
    public TrackTimeline rebuildTo(String name, String target, Progress progress)
            throws MigrationFailed, IOException, SQLException {
        MigrationTrack track = track(name);
        progress.update(-1, "Dropping schema " + track.schema());
        new Migrations(dataSource.get()).dropSchema(track);
        if (!TrackTimeline.EMPTY.equals(target)) {
            progress.update(-1, "Migrating a fresh " + track.schema() + " to version " + target);
            migrate(track, target, false);
        }
        return open(name, progress);
    }

    /** Flyway's repair (checksums aligned with the files, failed rows removed), then the track again. */
    public TrackTimeline repair(String name, Progress progress) throws IOException, SQLException {
        new Migrations(dataSource.get()).repair(track(name));
        lastFailure.remove(name);
        return open(name, progress);
    }

    /** Applies the pending scripts including those lower than the current version. */
    public TrackTimeline applyOutOfOrder(String name, Progress progress) throws MigrationFailed, IOException, SQLException {
        migrate(track(name), null, true);
        return open(name, progress);
    }

    private void migrate(MigrationTrack track, String target, boolean outOfOrder) throws MigrationFailed {
        try {
            new Migrations(dataSource.get()).migrate(track, target, outOfOrder);
            lastFailure.remove(track.name());
        } catch (ScriptFailure f) {
            if (WorkContext.cancelled()) {
                throw new CancellationException("Cancelled while migrating " + track.name());
            }
            MigrationFailed failed = failed(f);
            lastFailure.put(track.name(), failed.getMessage());
            throw failed;
        }
    }

    private static MigrationFailed failed(ScriptFailure f) {
        String where = f.script() == null ? "Flyway refused the migration"
                : f.script() + " failed" + (f.line() > 0 ? " at line " + f.line() : "");
        String state = f.inTransaction()
                ? " Nothing of it was applied: PostgreSQL rolled the script back with its history row, so the schema "
                + "stays at the version before it."
                : " It ran outside a transaction: the statements before the failing one stay applied. The history "
                + "shows the failed row where Flyway wrote one; fix the script, then repair.";
        String message = where + ": " + f.reason() + (f.sqlState() == null ? "" : " (SQLState " + f.sqlState() + ")") + "."
                + (f.statement() == null ? "" : " Statement: " + firstLine(f.statement())) + (f.script() == null ? "" : state);
        return new MigrationFailed(message, f, f.script(), f.line(), f.statement(), f.sqlState(), !f.inTransaction());
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private void undo(MigrationTrack track, TrackTimeline now, String target, Progress progress)
            throws MigrationFailed, SQLException {
        List<UndoRun.UndoStep> undoSteps = new ArrayList<>();
        List<VersionStep> down = now.steps().stream()
                .filter(s -> Versions.compare(s.version(), target) > 0 && Versions.compare(s.version(), now.currentVersion()) <= 0)
                .toList();
        for (int i = down.size() - 1; i >= 0; i--) {
            VersionStep s = down.get(i);
            undoSteps.add(new UndoRun.UndoStep(s.version(), s.undoScript(), s.undoSql()));
        }
        SchemaSnapshot expected = now.snapshotAt(target);
        try {
            new UndoRun(dataSource.get()).run(track, undoSteps,
                    i -> progress.update((double) i / undoSteps.size(), "Running " + undoSteps.get(i).script()),
                    actual -> {
                        if (expected == null || expected.ignoringColumnOrder().equals(actual.ignoringColumnOrder())) {
                            return null;
                        }
                        return "The undo scripts did not restore version " + target + "'s schema (the one a fresh migrate "
                                + "gives); everything was rolled back. What differs:\n" + SchemaDiff.between(expected, actual).describe();
                    });
            lastFailure.remove(track.name());
        } catch (UndoRun.UndoFailure f) {
            if (WorkContext.cancelled()) {
                throw new CancellationException("Cancelled while undoing " + track.name());
            }
            String message = f.getCause() == null ? f.getMessage()
                    : f.step().script() + " failed: " + f.getCause().getMessage()
                    + (f.sqlState() == null ? "" : " (SQLState " + f.sqlState() + ")")
                    + ". Everything was rolled back: the schema and its history stay at version " + now.currentVersion() + ".";
            throw new MigrationFailed(message, f, f.step().script(), -1, null, f.sqlState(), false);
        }
    }

    private List<VersionStep> stepsOf(MigrationTrack track, List<TrackFile> files, FolderReading folder, Progress progress)
            throws SQLException {
        String fingerprint = fingerprint(files);
        CachedSteps cached = steps.get(track.name());
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.steps();
        }
        List<VersionStep> built = buildSteps(track, folder, progress);
        steps.put(track.name(), new CachedSteps(fingerprint, built));
        return built;
    }

    /**
     * Migrates a scratch copy of the track one version at a time and reads the catalog after each;
     * the copy is dropped afterwards. A step that fails leaves the later ones without a schema.
     */
    private List<VersionStep> buildSteps(MigrationTrack track, FolderReading folder, Progress progress) throws SQLException {
        List<FolderReading.Script> scripts = folder.inOrder();
        List<VersionStep> built = new ArrayList<>();
        if (!folder.problems.isEmpty()) {
            for (FolderReading.Script s : scripts) {
                built.add(step(s, folder, null));
            }
            return built;
        }
        MigrationTrack scratch = track.inSchema(("pe_scratch_" + UUID.randomUUID().toString().replace("-", "")).substring(0, 30));
        Migrations migrations = new Migrations(dataSource.get());
        Map<String, SchemaSnapshot> after = new java.util.HashMap<>();
        try {
            progress.update(-1, "Reading the schema after each of " + scripts.size() + " versions (scratch copy)");
            migrations.migrateReadingEachVersion(scratch, (version, snapshot) -> {
                if (WorkContext.cancelled()) {
                    throw new CancellationException("Cancelled while reading the versions of " + track.name());
                }
                after.put(version, snapshot);
                progress.update((double) after.size() / scripts.size(), "Schema after version " + version + " (scratch copy)");
            });
        } catch (ScriptFailure f) {
            if (WorkContext.cancelled()) {
                throw new CancellationException("Cancelled while reading the versions of " + track.name());
            }
            lastFailure.putIfAbsent(track.name(), "A fresh migrate stops at " + failed(f).getMessage());
        } finally {
            migrations.dropSchema(scratch);
        }
        for (FolderReading.Script s : scripts) {
            built.add(step(s, folder, after.get(s.version())));
        }
        return built;
    }

    private static VersionStep step(FolderReading.Script s, FolderReading folder, SchemaSnapshot after) {
        FolderReading.Script undo = folder.undo.get(s.version());
        return new VersionStep(s.version(), s.description(), s.file(), s.sql(), undo == null ? null : undo.file(),
                undo == null ? null : undo.sql(), after);
    }

    private static String fingerprint(List<TrackFile> files) {
        StringBuilder b = new StringBuilder();
        for (TrackFile f : files) {
            b.append(f.name()).append('\0').append(f.text().hashCode()).append('\0');
        }
        return b.toString();
    }

    private MigrationTrack track(String name) {
        MigrationTrack track = tracks.get(name);
        if (track == null) {
            throw new IllegalArgumentException("There is no migration track called '" + name + "'.");
        }
        return track;
    }

    private record CachedSteps(String fingerprint, List<VersionStep> steps) {
    }
}
