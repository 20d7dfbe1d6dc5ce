package org.persistenceexplorer.service.console;

import java.util.Locale;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * What the console refuses to send, and why, in plain words: transaction control and session
 * settings (the console's connections are the app's pool, shared with every tab), and writes on
 * a read-only console until the user agrees. Stateless.
 */
final class Guards {

    private Guards() {
    }

    static void refuseSessionChanges(ScriptPiece piece) throws ConsoleFailure {
        StatementKind kind = StatementKind.ofSql(piece.text());
        String head = piece.text().strip();
        // Only the first two words matter: a long script is not upper-cased whole.
        head = head.substring(0, Math.min(head.length(), 200));
        // The first two words, split where whitespace, ';' or '(' runs are (a regex split was a
        // tenth of the console's own time per run); upper-cased each as the whole head was before.
        int firstEnd = wordEnd(head, 0);
        int secondStart = firstEnd;
        while (secondStart < head.length() && isWordBreak(head.charAt(secondStart))) {
            secondStart++;
        }
        String first = head.substring(0, firstEnd).toUpperCase(Locale.ROOT);
        String second = head.substring(secondStart, wordEnd(head, secondStart)).toUpperCase(Locale.ROOT);
        if (kind == StatementKind.TX) {
            throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "The console runs each statement in a transaction "
                    + "of its own: committed when it succeeds, rolled back when it fails. " + first
                    + " has nothing to do here, so it was not sent.", piece.start(), "", null);
        }
        boolean session = (first.equals("SET") && !second.equals("LOCAL") && !second.equals("TRANSACTION")
                && !second.equals("CONSTRAINTS")) || first.equals("RESET") || first.equals("DISCARD")
                || first.equals("LISTEN") || first.equals("PREPARE") || first.equals("DEALLOCATE")
                || (first.equals("SET") && second.equals("SESSION"));
        if (session) {
            throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, first + " changes the connection for good, and "
                    + "the console's connections are the app's pool, shared with every tab. It was not sent; "
                    + "use SET LOCAL inside a statement's own transaction, or schema-qualified names.",
                    piece.start(), "", null);
        }
        refuseSessionFunctions(piece);
    }

    private static int wordEnd(String text, int from) {
        int at = from;
        while (at < text.length() && !isWordBreak(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** What the regex {@code [\s;(]} matched: ASCII whitespace, ';' and '('. */
    private static boolean isWordBreak(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ';' || c == '(';
    }

    // set_config(name, value, false) is SET by another name; a session advisory lock outlives the
    // statement on a pooled connection. Their transaction-scoped forms are fine.
    private static final java.util.regex.Pattern SET_CONFIG = java.util.regex.Pattern.compile(
            "(?i)\\bset_config\\s*\\(");
    private static final java.util.regex.Pattern SET_CONFIG_LOCAL = java.util.regex.Pattern.compile(
            "(?is)\\bset_config\\s*\\((?:[^()']|'(?:[^']|'')*')*,\\s*true\\s*\\)");
    private static final java.util.regex.Pattern SESSION_LOCK = java.util.regex.Pattern.compile(
            "(?i)\\bpg_(?:try_)?advisory_lock(?:_shared)?\\s*\\(");

    private static void refuseSessionFunctions(ScriptPiece piece) throws ConsoleFailure {
        String text = piece.text();
        // Most statements name neither function: a plain search first, the patterns only then.
        if (containsIgnoringCase(text, "set_config") && SET_CONFIG.matcher(text).find()
                && SET_CONFIG_LOCAL.matcher(text).results().count() < SET_CONFIG.matcher(text).results().count()) {
            throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "set_config(..., false) changes the connection "
                    + "for good, like SET, and the console's connections are the app's pool, shared with every tab. "
                    + "It was not sent; pass true as the third argument (the setting then lasts for this statement's "
                    + "own transaction).", piece.start(), "", null);
        }
        if (containsIgnoringCase(text, "advisory_lock") && SESSION_LOCK.matcher(text).find()) {
            throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "A session advisory lock stays held on the pooled "
                    + "connection after the statement, where another tab would inherit it. It was not sent; use "
                    + "pg_advisory_xact_lock (released when the statement's transaction ends).", piece.start(), "", null);
        }
    }

    private static boolean containsIgnoringCase(String text, String word) {
        for (int at = 0; at + word.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** A statement that is no plain read, on a read-only console, needs the user's yes first. */
    static void confirmWrite(ScriptPiece piece, RunSettings settings) throws ConsoleFailure {
        if (!settings.readOnly() || settings.writeConfirmed()) {
            return;
        }
        StatementKind kind = StatementKind.ofSql(piece.text());
        if (kind != StatementKind.SELECT && kind != StatementKind.OTHER) {
            throw new ConsoleFailure(ConsoleFailure.Reason.NEEDS_CONFIRMATION, "This is a " + kind.label()
                    + " on an external server, where the console is read-only. Run it anyway?", piece.start(), "", null);
        }
    }

    /**
     * A NUL character or half of a UTF-16 surrogate pair cannot be encoded for the server:
     * pgjdbc fails while sending and the pool loses the connection. Refused before, in words.
     */
    static void refuseUnsendable(ScriptPiece piece) throws ConsoleFailure {
        String text = piece.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean broken = c == 0
                    || Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (broken) {
                throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "The statement holds a character that cannot be "
                        + "sent to a database (" + (c == 0 ? "a NUL" : "half of a UTF-16 pair, U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT))
                        + ") at position " + (i + 1) + "; it was not sent.", piece.start() + i, "", null);
            }
        }
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
