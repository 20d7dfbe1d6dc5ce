package org.persistenceexplorer.service.console;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A parameter typed as text turned into the Java value HQL compares with: whole numbers become
 * Long, decimals BigDecimal, ISO dates LocalDate, true/false Boolean, anything else stays text.
 * (SQL lets the server infer the type; Hibernate binds by the Java type.)
 */
final class HqlValues {

    private HqlValues() {
    }

    static Object parse(String text) {
        String t = text.strip();
        if (t.matches("-?\\d{1,18}")) {
            return Long.parseLong(t);
        }
        if (t.matches("-?\\d+\\.\\d+")) {
            return new BigDecimal(t);
        }
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(t);
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        return text;
    }
}
