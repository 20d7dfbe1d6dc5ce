package org.persistenceexplorer.domain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the editor offers at the caret, from a catalog given by hand. */
class CompletionTest {

    private static final CatalogNames CATALOG = new CatalogNames(List.of(
            new CatalogNames.Table("hr", "department", false, "table", List.of(
                    new CatalogNames.ColumnName("id", "bigint"), new CatalogNames.ColumnName("name", "character varying(100)"))),
            new CatalogNames.Table("hr", "employee", false, "table", List.of(
                    new CatalogNames.ColumnName("id", "bigint"), new CatalogNames.ColumnName("name", "character varying(120)"),
                    new CatalogNames.ColumnName("salary", "numeric(12,2)"), new CatalogNames.ColumnName("department_id", "bigint"))),
            new CatalogNames.Table("public", "notes", true, "view", List.of(new CatalogNames.ColumnName("body", "text")))));

    private static List<String> texts(String text, int caret, ConsoleMode mode) {
        return Completion.at(text, caret, mode, CATALOG).suggestions().stream().map(Completion.Suggestion::text).toList();
    }

    private static List<String> atEnd(String text) {
        return texts(text, text.length(), ConsoleMode.SQL);
    }

    @Test
    void afterASchemaAndADotItsTables() {
        assertThat(atEnd("SELECT * FROM hr.")).containsExactly("department", "employee");
        assertThat(atEnd("SELECT * FROM hr.emp")).containsExactly("employee");
    }

    @Test
    void afterAnAliasAndADotTheColumnsOfItsTable() {
        String text = "SELECT e. FROM hr.employee e JOIN hr.department d ON d.id = e.department_id";
        int caret = text.indexOf("e.") + 2;
        assertThat(texts(text, caret, ConsoleMode.SQL)).containsExactly("id", "name", "salary", "department_id");

        String typed = "SELECT d.na FROM hr.employee AS e JOIN hr.department d ON true";
        Completion.Offer offer = Completion.at(typed, typed.indexOf("d.na") + 4, ConsoleMode.SQL, CATALOG);
        assertThat(offer.suggestions()).extracting(Completion.Suggestion::text).containsExactly("name");
        assertThat(offer.typed(typed)).isEqualTo("na"); // what the chosen name replaces
    }

    @Test
    void aTableNameAndADotGiveItsColumnsToo() {
        assertThat(atEnd("SELECT employee.sa")).containsExactly("salary");
    }

    @Test
    void aWordGetsColumnsOfTheNamedTablesThenTablesSchemasAndKeywords() {
        String text = "SELECT na FROM hr.department";
        List<Completion.Suggestion> offered = Completion.at(text, text.indexOf("na") + 2, ConsoleMode.SQL, CATALOG).suggestions();
        assertThat(offered).first().satisfies(s -> {
            assertThat(s.text()).isEqualTo("name");
            assertThat(s.kind()).isEqualTo("column");
            assertThat(s.detail()).isEqualTo("department · character varying(100)");
        });
        // a table off the search path comes qualified; one on it does not
        assertThat(atEnd("SELECT * FROM em")).containsExactly("hr.employee");
        assertThat(atEnd("SELECT * FROM no")).containsExactly("notes", "NOT");
        assertThat(atEnd("SELECT * FROM h")).containsExactly("hr", "HAVING");
        assertThat(atEnd("sel")).containsExactly("SELECT");
    }

    @Test
    void anUnknownQualifierOffersNothingRatherThanGuessing() {
        assertThat(atEnd("SELECT x.")).isEmpty();
    }

    @Test
    void hqlAndCypherGetTheirKeywords() {
        assertThat(texts("MAT", 3, ConsoleMode.CYPHER)).containsExactly("MATCH");
        assertThat(texts("select e from Employee e join fe", 32, ConsoleMode.HQL)).containsExactly("FETCH");
    }

    @Test
    void onlyTheStatementAtTheCaretCounts() {
        String text = "SELECT * FROM hr.department d; SELECT d. FROM hr.employee d";
        assertThat(texts(text, text.lastIndexOf("d.") + 2, ConsoleMode.SQL)).contains("salary").doesNotContain("budget");
    }
}
