package org.persistenceexplorer.ui.status;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-kind counts in the short form the status bar falls back to when it is narrow:
 * "SELECT 37  INSERT 12  TX 20" becomes "SEL 37 INS 12 TX 20". Plain logic; any thread.
 */
final class CompactKinds {

    private static final Map<String, String> SHORT = Map.of("SELECT", "SEL", "INSERT", "INS", "UPDATE", "UPD",
            "DELETE", "DEL", "OTHER", "OTH", "READ", "RD", "WRITE", "WR", "SCHEMA", "SCH");
    private static final Pattern COUNT = Pattern.compile("([A-Z]+) ([0-9,]+)");

    private CompactKinds() {
    }

    static String of(String perKind) {
        StringBuilder text = new StringBuilder();
        Matcher count = COUNT.matcher(perKind);
        while (count.find()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(SHORT.getOrDefault(count.group(1), count.group(1))).append(' ').append(count.group(2));
        }
        return text.toString();
    }
}
