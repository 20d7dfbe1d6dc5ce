package org.persistenceexplorer.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.console.ConsoleMode;

class SyntaxHighlighterTest {

    @Test
    void keywordsStringsCommentsAndParametersGetTheirStyles() {
        String sql = "SELECT 'it''s' -- note\nFROM t WHERE id = :id";
        List<String> styles = stylesPerChar(SyntaxHighlighter.spans(sql, ConsoleMode.SQL, -1));

        assertThat(styles.get(0)).isEqualTo("keyword");
        assertThat(styles.get(sql.indexOf("'it"))).isEqualTo("string");
        assertThat(styles.get(sql.indexOf("''s") + 2)).isEqualTo("string");
        assertThat(styles.get(sql.indexOf("note"))).isEqualTo("comment");
        assertThat(styles.get(sql.indexOf(":id"))).isEqualTo("parameter");
        assertThat(styles.get(sql.indexOf("FROM"))).isEqualTo("keyword");
    }

    @Test
    void theErrorMarkerCoversTheQualifiedName() {
        String sql = "SELECT name FROM hr.employe WHERE id = 1";
        List<String> styles = stylesPerChar(SyntaxHighlighter.spans(sql, ConsoleMode.SQL, sql.indexOf("hr.")));
        for (int i = sql.indexOf("hr."); i < sql.indexOf(" WHERE"); i++) {
            assertThat(styles.get(i)).contains("error-mark");
        }
        assertThat(styles.get(sql.indexOf(" WHERE"))).doesNotContain("error-mark");
    }

    @Test
    void aHugeLiteralDoesNotOverflowTheStack() {
        String huge = "SELECT '" + "x".repeat(300_000) + "', \"" + "y".repeat(300_000) + "\"";
        for (ConsoleMode mode : ConsoleMode.values()) {
            assertThat(SyntaxHighlighter.spans(huge, mode, -1).length()).isEqualTo(huge.length());
        }
        String cypher = "RETURN '" + "a\\'b".repeat(50_000) + "'";
        assertThat(SyntaxHighlighter.spans(cypher, ConsoleMode.CYPHER, -1).length()).isEqualTo(cypher.length());
    }

    private static List<String> stylesPerChar(StyleSpans<Collection<String>> spans) {
        List<String> styles = new ArrayList<>();
        for (StyleSpan<Collection<String>> span : spans) {
            String style = String.join(" ", span.getStyle());
            for (int i = 0; i < span.getLength(); i++) {
                styles.add(style);
            }
        }
        return styles;
    }
}
