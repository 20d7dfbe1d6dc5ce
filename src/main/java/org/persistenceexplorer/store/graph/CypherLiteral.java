package org.persistenceexplorer.store.graph;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parameter value written as a Cypher literal ({@code [{name: 'Ann', id: 1}]}), so the log
 * shows what was sent and a reader can paste it after {@code :param people =>}. Values longer
 * than the cap end with "… (truncated at N characters)". Plain logic; any thread.
 */
final class CypherLiteral {

    /** Generous enough for the org import's 300 people; keeps a 100,000-statement log bounded. */
    static final int MAX_LENGTH = 64 * 1024;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CypherLiteral() {
    }

    static String of(Object value) {
        StringBuilder text = new StringBuilder();
        append(text, value);
        if (text.length() > MAX_LENGTH) {
            text.setLength(MAX_LENGTH);
            text.append("… (truncated at ").append(String.format(java.util.Locale.ROOT, "%,d", MAX_LENGTH)).append(" characters)");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, Object value) {
        if (text.length() > MAX_LENGTH) {
            return;
        }
        if (value == null) {
            text.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    text.append(", ");
                }
                first = false;
                String key = String.valueOf(entry.getKey());
                text.append(PLAIN_KEY.matcher(key).matches() ? key : "`" + key.replace("`", "``") + "`").append(": ");
                append(text, entry.getValue());
            }
            text.append('}');
        } else if (value instanceof Collection<?> items) {
            text.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    text.append(", ");
                }
                first = false;
                append(text, item);
            }
            text.append(']');
        } else if (value instanceof TemporalAccessor) {
            text.append("'").append(value).append("'");
        } else {
            text.append('\'').append(String.valueOf(value).replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        }
    }
}
