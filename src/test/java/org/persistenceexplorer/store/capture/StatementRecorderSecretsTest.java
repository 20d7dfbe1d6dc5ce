package org.persistenceexplorer.store.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;

/** The recorder remembers the last text's password answer: repeats, alternations and completions stay masked. */
class StatementRecorderSecretsTest {

    private final StatementRecorder recorder = new StatementRecorder();

    private CapturedStatement record(String text) {
        return recorder.record(Engine.POSTGRESQL, StatementKind.OTHER, text, List.of("1=s3cret"), 1_000, -1, 1, null);
    }

    @Test
    void aTextThatMentionsAPasswordIsMaskedEveryTimeItRepeats() {
        String secret = "ALTER ROLE app PASSWORD 's3cret'";
        String plain = "SELECT 1";
        CapturedStatement first = record(secret);
        CapturedStatement again = record(secret);
        CapturedStatement other = record(plain);
        CapturedStatement afterOther = record(secret);
        CapturedStatement equalText = record(new String(secret.toCharArray()));

        for (CapturedStatement masked : List.of(first, again, afterOther, equalText)) {
            assertThat(masked.text()).doesNotContain("s3cret");
            assertThat(masked.parameters()).containsExactly("***");
        }
        assertThat(other.text()).isEqualTo(plain);
        assertThat(other.parameters()).containsExactly("1=s3cret");
        assertThat(recorder.complete(again, 0, 0, "error near 's3cret'").error()).doesNotContain("s3cret");
    }
}
