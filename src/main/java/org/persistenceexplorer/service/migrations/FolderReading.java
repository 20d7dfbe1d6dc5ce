package org.persistenceexplorer.service.migrations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.persistenceexplorer.domain.migration.TrackFile;

/**
 * Sorts the files of a migration folder by what Flyway (open edition, default naming) does with
 * each: versioned, repeatable and baseline scripts and callbacks run; undo scripts are ignored by
 * Flyway and used by the app to go back; everything else is listed as not run, with why. Two
 * scripts of one version are a problem Flyway refuses the whole folder for. Stateless.
 */
final class FolderReading {

    private static final Pattern PREFIXED = Pattern.compile("([VUB])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final Pattern CALLBACK = Pattern.compile("(before|after)[A-Za-z]*(__.+)?\\.sql");

    /** A versioned script or its undo. */
    record Script(String version, String description, String file, String sql) {
    }

    final Map<String, Script> versioned = new LinkedHashMap<>();
    final Map<String, Script> undo = new HashMap<>();
    final List<FolderEntry> entries = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    FolderReading(List<TrackFile> files) {
        for (TrackFile file : files) {
            read(file);
        }
    }

    private void read(TrackFile file) {
        String name = file.name();
        Matcher m = PREFIXED.matcher(name);
        if (m.matches()) {
            String version = m.group(2).replace('_', '.');
            Script script = new Script(version, m.group(3).replace('_', ' '), name, file.text());
            switch (m.group(1)) {
                case "V" -> {
                    Script other = versioned.putIfAbsent(version, script);
                    if (other != null) {
                        problems.add("Two scripts have version " + version + ": " + other.file() + " and " + name
                                + ". Flyway refuses the whole folder until one of them gets another version.");
                        entries.add(new FolderEntry(name, false, "refused: version " + version + " is taken by " + other.file()));
                    } else {
                        entries.add(new FolderEntry(name, true, "versioned migration " + version));
                    }
                }
                case "U" -> {
                    undo.put(version, script);
                    entries.add(new FolderEntry(name, false,
                            "undo script of version " + version + ": Flyway's open edition ignores it; the app runs it to go back"));
                }
                default -> entries.add(new FolderEntry(name, true,
                        "baseline script " + version + ": on an empty schema it runs instead of the versions up to "
                                + version + ", which then show as below baseline"));
            }
        } else if (REPEATABLE.matcher(name).matches()) {
            entries.add(new FolderEntry(name, true, "repeatable migration: runs after the versioned ones whenever it changes"));
        } else if (CALLBACK.matcher(name).matches()) {
            entries.add(new FolderEntry(name, true, "callback: Flyway runs it at the event its name says"));
        } else if (name.endsWith(".sql.conf")) {
            entries.add(new FolderEntry(name, false, "settings for " + name.substring(0, name.length() - ".conf".length())));
        } else if (name.endsWith(".sql")) {
            entries.add(new FolderEntry(name, false,
                    "not run: Flyway ignores an SQL file whose name is not V<version>__<description>.sql, "
                            + "R__<description>.sql or B<version>__<description>.sql"));
        } else {
            entries.add(new FolderEntry(name, false, "not run: not an SQL file"));
        }
    }

    /** The versioned scripts in version order. */
    List<Script> inOrder() {
        return versioned.values().stream().sorted((a, b) -> Versions.compare(a.version(), b.version())).toList();
    }
}
