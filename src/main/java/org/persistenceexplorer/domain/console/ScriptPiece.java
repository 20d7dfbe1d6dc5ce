package org.persistenceexplorer.domain.console;

/**
 * One statement of a script as the editor holds it: its text without the surrounding blanks and
 * the closing semicolon, and where that text starts in the script, so a server's error position
 * can be shown at the right place in the editor.
 *
 * @param start index of the first character of {@code text} in the script
 */
public record ScriptPiece(String text, int start) {

    /** Index just after the last character of the text in the script. */
    public int end() {
        return start + text.length();
    }

    /** The script offset of a 1-based character position inside this statement (as servers report them). */
    public int scriptOffset(int oneBasedPosition) {
        return start + Math.max(0, Math.min(text.length(), oneBasedPosition - 1));
    }
}
