package org.persistenceexplorer.ui.log;

import java.util.Locale;
import org.persistenceexplorer.domain.statement.CapturedStatement;

/**
 * Which statements the log marks for a lesson's step: those numbered {@code from} to {@code to}
 * whose action starts with {@code actionPrefix} (any action when null). The range grows as
 * the step's statements arrive. Immutable; any thread.
 */
public record LogHighlight(long from, long to, String actionPrefix) {

    public boolean marks(CapturedStatement s) {
        return s.sequence() >= from && s.sequence() <= to && (actionPrefix == null
                || s.action() != null && s.action().toLowerCase(Locale.ROOT).startsWith(actionPrefix.toLowerCase(Locale.ROOT)));
    }
}
