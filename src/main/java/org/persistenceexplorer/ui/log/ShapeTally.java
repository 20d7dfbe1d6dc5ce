package org.persistenceexplorer.ui.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.QueryShape;

/**
 * Counts the statements by action, kind and shape for projector mode's log: the groups most
 * recently added to come last, at most {@value #MAX_GROUPS} of them (the least recently active
 * are forgotten). Every statement is counted, also those the log panel's bounded rows no longer
 * hold, so a lazy run of 10,001 statements reads ×10,000. Cheap per statement: an N+1 repeats the
 * same text, and a text's shape is remembered. FX thread (the log panel's view-model owns it).
 */
final class ShapeTally {

    static final int MAX_GROUPS = 500;
    private static final int REMEMBERED_TEXTS = 256;

    private record Key(String action, String kind, String shape, boolean failed) {
    }

    private final LinkedHashMap<Key, long[]> groups = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, long[]> eldest) {
            return size() > MAX_GROUPS;
        }
    };
    private final LinkedHashMap<String, String> shapes = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_TEXTS;
        }
    };

    void add(CapturedStatement s) {
        String shape = shapes.get(s.text());
        if (shape == null) {
            shape = ShapeText.readable(QueryShape.of(s.text()));
            shapes.put(s.text(), shape);
        }
        Key key = new Key(s.action(), s.kind().label(), shape, !s.succeeded());
        long[] count = groups.get(key); // access order: the group moves to the end
        if (count == null) {
            count = new long[1];
            groups.put(key, count);
        }
        count[0] += Math.max(1, s.executions());
    }

    /** The groups, least recently active first. */
    List<ShapeRow> rows() {
        List<ShapeRow> rows = new ArrayList<>(groups.size());
        for (Map.Entry<Key, long[]> e : groups.entrySet()) {
            Key k = e.getKey();
            rows.add(new ShapeRow(k.kind(), k.action(), k.shape(), e.getValue()[0], k.failed()));
        }
        return rows;
    }

    void clear() {
        groups.clear();
    }
}
