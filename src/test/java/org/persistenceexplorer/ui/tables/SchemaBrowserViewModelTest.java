package org.persistenceexplorer.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The browser's summary line speaks English: one schema, two schemas. */
class SchemaBrowserViewModelTest {

    @Test
    void singularAndPlural() {
        assertThat(SchemaBrowserViewModel.summary(5, 1)).isEqualTo("5 tables in 1 schema");
        assertThat(SchemaBrowserViewModel.summary(1, 1)).isEqualTo("1 table in 1 schema");
        assertThat(SchemaBrowserViewModel.summary(12, 3)).isEqualTo("12 tables in 3 schemas");
        assertThat(SchemaBrowserViewModel.summary(0, 0)).isEqualTo("0 tables in 0 schemas");
    }
}
