package org.persistenceexplorer.ui.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.ui.common.PreferencesFlush;

/**
 * The statements run in the console, newest first, kept in the feature's own Preferences node
 * so they survive a restart, and searchable. At most {@link #MAX_ENTRIES}; a statement longer
 * than a Preferences value may be is kept cut. FX thread (the puts are in memory; {@link PreferencesFlush} writes the file on a thread of its own).
 */
public final class ConsoleHistory {

    public static final int MAX_ENTRIES = 200;
    private static final int MAX_CHARS = Preferences.MAX_VALUE_LENGTH - 16;

    private final Preferences node;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<Entry> found = new FilteredList<>(entries);

    /** One statement that was run: its mode and text. */
    public record Entry(ConsoleMode mode, String text) {
        @Override
        public String toString() {
            return mode.title() + "  " + text.replaceAll("\\s+", " ");
        }
    }

    public ConsoleHistory(Preferences node) {
        this.node = node;
        for (int i = 0; i < MAX_ENTRIES; i++) {
            String saved = node.get(key(i), null);
            if (saved == null) {
                break;
            }
            int tab = saved.indexOf('\t');
            try {
                entries.add(new Entry(ConsoleMode.valueOf(saved.substring(0, tab)), saved.substring(tab + 1)));
            } catch (RuntimeException e) {
                // an entry from another version: skip it
            }
        }
    }

    /** Remembers a statement as the newest entry (an identical newest one is not repeated). */
    public void add(ConsoleMode mode, String text) {
        String kept = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Entry entry = new Entry(mode, kept);
        entries.remove(entry);
        entries.add(0, entry);
        if (entries.size() > MAX_ENTRIES) {
            entries.remove(MAX_ENTRIES, entries.size());
        }
        save();
    }

    /** Shows only entries containing the words of {@code query} (any case); blank shows all. */
    public void search(String query) {
        String[] words = query == null ? new String[0] : query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        found.setPredicate(e -> {
            String text = e.text().toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!w.isEmpty() && !text.contains(w)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The entries the search lets through, newest first. */
    public ObservableList<Entry> found() {
        return found;
    }

    private void save() {
        List<Entry> snapshot = new ArrayList<>(entries);
        for (int i = 0; i < MAX_ENTRIES; i++) {
            if (i < snapshot.size()) {
                node.put(key(i), snapshot.get(i).mode().name() + "\t" + snapshot.get(i).text());
            } else {
                node.remove(key(i));
            }
        }
        PreferencesFlush.later(node); // the file write off the FX thread: it cost a stall per run
    }

    private static String key(int i) {
        return String.format(Locale.ROOT, "history.%03d", i);
    }
}
