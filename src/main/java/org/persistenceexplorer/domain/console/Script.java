package org.persistenceexplorer.domain.console;

import java.util.ArrayList;
import java.util.List;
import org.persistenceexplorer.domain.statement.SqlText;

/**
 * Splits what is in the editor into statements at the semicolons that end them: semicolons
 * inside quotes, comments and (for SQL) dollar quotes do not count. SQL follows PostgreSQL's
 * lexing ({@link SqlText}); Cypher skips its strings ({@code '...'}, {@code "..."} with
 * backslash escapes), {@code `identifiers`} and {@code //} / {@code /* *}{@code /} comments.
 * Stateless; thread-safe.
 */
public final class Script {

    private Script() {
    }

    /** Every statement with something to run, in order. Blank pieces (only comments) are left out. */
    public static List<ScriptPiece> statements(String script, ConsoleMode mode) {
        List<ScriptPiece> pieces = new ArrayList<>();
        int from = 0;
        int i = 0;
        while (i < script.length()) {
            int skipped = skip(script, i, mode);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            if (script.charAt(i) == ';') {
                add(pieces, script, from, i, mode);
                from = i + 1;
            }
            i++;
        }
        add(pieces, script, from, script.length(), mode);
        return pieces;
    }

    /**
     * The statement the caret is in, or the one it just left (caret after its semicolon on the
     * same stretch of blanks), or null when the script has none.
     */
    public static ScriptPiece statementAt(String script, int caret, ConsoleMode mode) {
        ScriptPiece before = null;
        for (ScriptPiece piece : statements(script, mode)) {
            if (caret >= piece.start() && caret <= piece.end()) {
                return piece;
            }
            if (piece.start() > caret) {
                return before != null && blankBetween(script, before.end(), caret, mode) ? before : piece;
            }
            before = piece;
        }
        return before;
    }

    private static boolean blankBetween(String script, int from, int to, ConsoleMode mode) {
        String between = script.substring(Math.min(from, to), to).replaceFirst("^\\s*;", "");
        return !between.contains("\n\n") && isBlank(between, mode);
    }

    private static void add(List<ScriptPiece> pieces, String script, int from, int to, ConsoleMode mode) {
        String raw = script.substring(from, to);
        if (isBlank(raw, mode)) {
            return;
        }
        int lead = 0;
        while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
            lead++;
        }
        int trail = raw.length();
        while (trail > lead && Character.isWhitespace(raw.charAt(trail - 1))) {
            trail--;
        }
        pieces.add(new ScriptPiece(raw.substring(lead, trail), from + lead));
    }

    /** True when the text holds nothing but blanks, comments and semicolons. */
    public static boolean isBlank(String text, ConsoleMode mode) {
        if (mode != ConsoleMode.CYPHER) {
            return SqlText.isBlank(text);
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
                continue;
            }
            int after = cypherComment(text, i);
            if (after == i) {
                return false;
            }
            i = after;
        }
        return true;
    }

    private static int skip(String s, int i, ConsoleMode mode) {
        if (mode != ConsoleMode.CYPHER) {
            return SqlText.skipCommentOrQuoted(s, i);
        }
        int after = cypherComment(s, i);
        if (after != i) {
            return after;
        }
        char c = s.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int at = i + 1;
            while (at < s.length()) {
                char d = s.charAt(at);
                if (d == '\\' && c != '`') {
                    at += 2;
                } else if (d == c) {
                    return at + 1;
                } else {
                    at++;
                }
            }
            return s.length();
        }
        return i;
    }

    private static int cypherComment(String s, int i) {
        if (s.startsWith("//", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end + 1;
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        return i;
    }
}
