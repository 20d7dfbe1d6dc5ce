package org.persistenceexplorer.service.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.service.work.Progress;

/**
 * Keyset paging against the real server: every row exactly once, in the order PostgreSQL itself
 * gives, with ties and NULLs in the sort column, descending, filtered, with inserts between pages,
 * and for a table without a primary key. Filters bind their values; CSV export streams the
 * filtered rows.
 */
class TableRowsTest {

    private static final TableCatalog CATALOG = new TableCatalog(ScratchSchema::dataSource);
    private static final TableRows ROWS = new TableRows(ScratchSchema::dataSource);
    private static final TableRef SCORE = new TableRef("rows_test", "score");
    private static final TableRef LOOSE = new TableRef("rows_test", "loose");

    @BeforeEach
    void schema() throws Exception {
        // 1,000 rows: points with many ties (0..9) and every seventh NULL; names with LIKE characters
        ScratchSchema.recreate("rows_test",
                "CREATE TABLE rows_test.score (id int PRIMARY KEY, points int, name text NOT NULL, amount numeric(8,2))",
                "INSERT INTO rows_test.score SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE g % 10 END, "
                        + "CASE WHEN g % 100 = 0 THEN '100% sure_' || g ELSE 'name ' || g END, g * 1.5 "
                        + "FROM generate_series(1, 1000) g",
                "CREATE TABLE rows_test.loose (label text, n int)",
                "INSERT INTO rows_test.loose SELECT 'l' || (g % 3), g FROM generate_series(1, 450) g");
    }

    private static List<Integer> expectedIds(String whereAndOrder) throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = ScratchSchema.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM rows_test.score " + whereAndOrder)) {
            while (r.next()) {
                ids.add(r.getInt(1));
            }
        }
        return ids;
    }

    /** Walks the query page after page with "after the last row". */
    private static List<Integer> walk(RowQuery query, int pageSize) throws Exception {
        List<Integer> ids = new ArrayList<>();
        List<GridRow> page = ROWS.first(query, pageSize);
        while (!page.isEmpty()) {
            page.forEach(row -> ids.add(Integer.valueOf(row.values().get(0))));
            page = ROWS.after(query, page.get(page.size() - 1), pageSize);
        }
        return ids;
    }

    /** Reads every page of the index, each by its bookmark. */
    private static List<Integer> byPages(RowQuery query) throws Exception {
        RowIndex index = ROWS.index(query);
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < index.pages(); p++) {
            ROWS.page(index, p).forEach(row -> ids.add(Integer.valueOf(row.values().get(0))));
        }
        assertThat((long) ids.size()).isEqualTo(index.total());
        return ids;
    }

    @Test
    void pagesByKeyInKeyOrder() throws Exception {
        RowQuery query = RowQuery.all(CATALOG.describe(SCORE));
        assertThat(walk(query, 37)).isEqualTo(expectedIds("ORDER BY id"));
        assertThat(byPages(query)).isEqualTo(expectedIds("ORDER BY id"));
    }

    @Test
    void tiesAndNullsInTheSortColumnAscendingPutNullsLastAndLoseNoRow() throws Exception {
        RowQuery query = RowQuery.all(CATALOG.describe(SCORE)).orderedBy(new RowOrder("points", false));
        List<Integer> expected = expectedIds("ORDER BY points ASC NULLS LAST, id ASC");
        assertThat(walk(query, 23)).isEqualTo(expected);
        assertThat(byPages(query)).isEqualTo(expected);
    }

    @Test
    void descendingPutsNullsFirst() throws Exception {
        RowQuery query = RowQuery.all(CATALOG.describe(SCORE)).orderedBy(new RowOrder("points", true));
        List<Integer> expected = expectedIds("ORDER BY points DESC NULLS FIRST, id DESC");
        assertThat(walk(query, 23)).isEqualTo(expected);
        assertThat(byPages(query)).isEqualTo(expected);
        assertThat(walk(RowQuery.all(CATALOG.describe(SCORE)).orderedBy(new RowOrder("id", true)), 50))
                .isEqualTo(expectedIds("ORDER BY id DESC"));
    }

    @Test
    void aFilterPagesOnlyTheMatchingRows() throws Exception {
        RowQuery query = RowQuery.all(CATALOG.describe(SCORE)).orderedBy(new RowOrder("amount", true))
                .filteredBy(List.of(new RowFilter("points", FilterOperator.GREATER_OR_EQUAL, "5"),
                        new RowFilter("name", FilterOperator.CONTAINS, "1")));
        List<Integer> expected = expectedIds("WHERE points >= 5 AND name ILIKE '%1%' ORDER BY amount DESC NULLS FIRST, id DESC");
        assertThat(expected).isNotEmpty();
        assertThat(walk(query, 9)).isEqualTo(expected);
        assertThat(ROWS.index(query).total()).isEqualTo(expected.size());
    }

    @Test
    void rowsInsertedBetweenPagesNeitherRepeatNorSkipTheRowsAlreadyThere() throws Exception {
        RowQuery query = RowQuery.all(CATALOG.describe(SCORE)).orderedBy(new RowOrder("points", false));
        List<Integer> before = expectedIds("ORDER BY points ASC NULLS LAST, id ASC");
        List<Integer> seen = new ArrayList<>();
        List<GridRow> page = ROWS.first(query, 100);
        page.forEach(row -> seen.add(Integer.valueOf(row.values().get(0))));
        // rows land before and after where the reader is
        ScratchSchema.run("INSERT INTO rows_test.score VALUES (5001, 0, 'early', 1), (5002, 9, 'late', 1), (5003, NULL, 'null', 1)");
        page = ROWS.after(query, page.get(page.size() - 1), 100);
        while (!page.isEmpty()) {
            page.forEach(row -> seen.add(Integer.valueOf(row.values().get(0))));
            page = ROWS.after(query, page.get(page.size() - 1), 100);
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(before).contains(5002, 5003).doesNotContain(5001);
    }

    @Test
    void aTableWithoutPrimaryKeyPagesByPhysicalPosition() throws Exception {
        TableDescription loose = CATALOG.describe(LOOSE);
        RowQuery byPosition = RowQuery.all(loose);
        assertThat(byPosition.paging()).isEqualTo(RowQuery.Paging.PHYSICAL_POSITION);
        RowIndex index = ROWS.index(byPosition);
        assertThat(index.total()).isEqualTo(450);
        List<String> all = new ArrayList<>();
        for (int p = 0; p < index.pages(); p++) {
            ROWS.page(index, p).forEach(row -> all.add(row.values().get(1)));
        }
        assertThat(all).hasSize(450).doesNotHaveDuplicates();

        RowQuery sorted = byPosition.orderedBy(new RowOrder("label", true));
        List<String> labels = new ArrayList<>();
        List<GridRow> page = ROWS.first(sorted, 40);
        while (!page.isEmpty()) {
            page.forEach(row -> labels.add(row.values().get(0) + "/" + row.values().get(1)));
            page = ROWS.after(sorted, page.get(page.size() - 1), 40);
        }
        assertThat(labels).hasSize(450).doesNotHaveDuplicates();
        assertThat(labels.get(0)).startsWith("l2/");
        assertThat(labels.get(449)).startsWith("l0/");
    }

    @Test
    void hostileFilterValuesAreBoundNeverRun() throws Exception {
        TableDescription score = CATALOG.describe(SCORE);
        RowQuery injection = RowQuery.all(score).filteredBy(List.of(
                new RowFilter("name", FilterOperator.EQUALS, "x'; DROP TABLE rows_test.score; --")));
        assertThat(ROWS.first(injection, 10)).isEmpty();
        RowQuery percent = RowQuery.all(score).filteredBy(List.of(new RowFilter("name", FilterOperator.CONTAINS, "100%")));
        assertThat(ROWS.index(percent).total()).isEqualTo(10);
        RowQuery underscore = RowQuery.all(score).filteredBy(List.of(new RowFilter("name", FilterOperator.CONTAINS, "e_5")));
        assertThat(ROWS.index(underscore).total()).isEqualTo(1);
        assertThat(CATALOG.exactCount(SCORE)).isEqualTo(1000);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheValueTheColumnAndItsType() throws Exception {
        RowQuery query = RowQuery.all(CATALOG.describe(SCORE)).filteredBy(List.of(
                new RowFilter("amount", FilterOperator.GREATER, "lots")));
        assertThatThrownBy(() -> ROWS.first(query, 10)).isInstanceOf(TableProblem.class)
                .hasMessageContaining("'lots'").hasMessageContaining("numeric(8,2)").hasMessageContaining("amount");
    }

    @Test
    void aTableDroppedWhileOpenIsSaidInPlainWords() throws Exception {
        RowQuery query = RowQuery.all(CATALOG.describe(LOOSE));
        ScratchSchema.run("DROP TABLE rows_test.loose");
        assertThatThrownBy(() -> ROWS.index(query)).isInstanceOf(TableProblem.class).hasMessageContaining("does not exist any more");
    }

    @Test
    void aHugeCellIsCutForTheGridAndReadInFullOnDemand() throws Exception {
        ScratchSchema.run("UPDATE rows_test.score SET name = repeat('x', 50000) WHERE id = 3");
        TableDescription score = CATALOG.describe(SCORE);
        GridRow row = ROWS.first(RowQuery.all(score).filteredBy(List.of(new RowFilter("id", FilterOperator.EQUALS, "3"))), 1).get(0);
        assertThat(row.cut(2)).isTrue();
        assertThat(row.values().get(2)).hasSize(TableRows.CELL_LIMIT + 1);
        assertThat(ROWS.fullValue(score, "name", row.rowKey())).hasSize(50_000);
    }

    @Test
    void exportsTheFilteredRowsAsCsv(@TempDir Path folder) throws Exception {
        ScratchSchema.run("UPDATE rows_test.score SET name = 'with \"quote\", comma' WHERE id = 9");
        RowQuery query = RowQuery.all(CATALOG.describe(SCORE)).filteredBy(List.of(
                new RowFilter("points", FilterOperator.EQUALS, "9")));
        Path file = folder.resolve("score.csv");
        List<Double> fractions = new ArrayList<>();
        Progress progress = (fraction, message) -> fractions.add(fraction);
        long written = ROWS.exportCsv(query, file, progress);
        List<String> lines = Files.readAllLines(file);
        assertThat(written).isEqualTo(expectedIds("WHERE points = 9 ORDER BY id").size());
        assertThat(lines).hasSize((int) written + 1);
        assertThat(lines.get(0)).isEqualTo("id,points,name,amount");
        assertThat(lines.get(1)).isEqualTo("9,9,\"with \"\"quote\"\", comma\",13.50");
        assertThat(fractions).last().isEqualTo(1.0);
        assertThat(folder.resolve("score.csv.part")).doesNotExist();
    }
}
