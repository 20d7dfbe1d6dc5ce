package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.postgresql.util.GT;

/**
 * The failing entry of a batch read from pgjdbc's message however the driver formats it: the
 * message comes from the driver's own template with the number formatted for the default locale.
 */
class BatchEntryMessageTest {

    private static final String TEMPLATE =
            "Batch entry {0} {1} was aborted: {2}  Call getNextException to see other errors in the batch.";

    @Test
    void small_and_grouped_numbers_are_read_in_the_default_locale() {
        assertThat(SentStatements.namedEntry(GT.tr(TEMPLATE, 5, "INSERT INTO t VALUES (6)", "duplicate key"))).isEqualTo(5);
        assertThat(SentStatements.namedEntry(GT.tr(TEMPLATE, 1_233, "INSERT INTO t VALUES (1234)", "duplicate key")))
                .isEqualTo(1_233);
    }

    @Test
    void a_locale_that_groups_with_dots_is_read_too() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        try {
            String message = GT.tr(TEMPLATE, 12_345, "INSERT 1.5 INTO", "boom");
            assertThat(message).contains("12.345");
            assertThat(SentStatements.namedEntry(message)).isEqualTo(12_345);
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void another_message_names_no_entry() {
        assertThat(SentStatements.namedEntry("ERROR: duplicate key value violates unique constraint")).isEqualTo(-1);
    }
}
