package org.persistenceexplorer.service.migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next migration autogenerate proposes, for review and editing before it is saved: the file
 * name, Hibernate's schema-update statements as a script, the model check it came from and the
 * likely renames, each with the statement that would keep the data. Immutable.
 *
 * @param track      the track it is for
 * @param fileName   e.g. "V5__model_changes.sql"
 * @param script     the proposed script (comments first); empty statements when the model matches
 * @param statements Hibernate's statements alone
 * @param check      what differs between the model and the schema
 */
public record GeneratedMigration(String track, String fileName, String script, List<String> statements,
                                 ModelCheck check) {

    /** What autogenerate cannot know, shown next to every proposal. */
    public static final List<String> LIMITS = List.of(
            "Renames are a guess: a column gone and one added with the same type in the same table may be unrelated. "
                    + "Take the rename only if it is one.",
            "Hibernate's update only adds: it never drops a table or column and never changes a column's type "
                    + "(narrowing, e.g. varchar(200) to varchar(100), can fail on existing rows: write it yourself).",
            "No data migrations: moving, splitting or backfilling rows is yours to add to the script.",
            "A new NOT NULL column without a default fails on a table that has rows: add a default or a backfill.");

    private static final Pattern FILE = Pattern.compile("V(\\d+(?:[._]\\d+)*)__([A-Za-z0-9_]+)\\.sql");

    public GeneratedMigration {
        statements = List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    static GeneratedMigration of(String track, String nextVersion, String currentVersion, String modelName,
                                 List<String> statements, ModelCheck check) {
        StringBuilder script = new StringBuilder();
        script.append("-- ").append(track).append(", version ").append(nextVersion)
                .append(": generated from ").append(modelName).append("\n")
                .append("-- by Hibernate's schema update against the track's live schema at ").append((TrackTimeline.EMPTY.equals(currentVersion) ? "the empty schema" : "version " + currentVersion)).append(". Review and edit before saving.\n");
        for (RenameGuess r : check.renames()) {
            script.append("-- Looks like a rename: ").append(r.table()).append('.').append(r.from()).append(" -> ")
                    .append(r.to()).append(" (offered beside the script).\n");
        }
        if (statements.isEmpty()) {
            script.append("-- Nothing to do: the model matches the schema.\n");
        }
        for (String s : statements) {
            script.append('\n').append(s).append('\n');
        }
        return new GeneratedMigration(track, "V" + nextVersion + "__model_changes.sql", script.toString(), statements, check);
    }

    /**
     * {@code script} with the rename instead of Hibernate's "add column" of the renamed column (the
     * old column would stay and the new one start empty). When the add column is not in the
     * (edited) script, the rename is appended.
     */
    public static String withRename(String script, RenameGuess rename) {
        Pattern add = Pattern.compile("(?is)alter\\s+table\\s+(?:if\\s+exists\\s+)?\"?" + Pattern.quote(rename.table())
                + "\"?\\s+add\\s+column\\s+\"?" + Pattern.quote(rename.to()) + "\"?\\b[^;]*;");
        Matcher m = add.matcher(script);
        if (m.find()) {
            return script.substring(0, m.start()) + "-- rename instead of dropping " + rename.from() + " and adding "
                    + rename.to() + ": the data stays\n" + rename.statement() + script.substring(m.end());
        }
        return script + (script.endsWith("\n") ? "" : "\n") + "\n" + rename.statement() + "\n";
    }

    /** The next whole version after the highest of {@code versions}. */
    static String nextVersion(List<String> versions) {
        long highest = 0;
        for (String v : versions) {
            highest = Math.max(highest, Long.parseLong(v.split("[._]")[0]));
        }
        return String.valueOf(highest + 1);
    }

    static String versionOf(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a versioned migration's name: it must look like "
                    + "V5__what_it_does.sql (a V, the version, two underscores, a description of letters, digits and _).");
        }
        return m.group(1).replace('_', '.');
    }

    /** The file to write, after checking the name is a new, higher version and the script is not empty. */
    static Path checkedFile(Path folder, String fileName, String sql, List<String> existingVersions) {
        String version = versionOf(fileName);
        if (sql == null || sql.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("--"))) {
            throw new IllegalArgumentException("The script is empty (only comments): there is nothing to save.");
        }
        for (String v : existingVersions) {
            if (Versions.compare(v, version) >= 0) {
                throw new IllegalArgumentException("Version " + version + " is not new: the track already has version "
                        + v + ". Give the script a higher version.");
            }
        }
        Path file = folder.resolve(fileName);
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " already exists.");
        }
        return file;
    }
}
