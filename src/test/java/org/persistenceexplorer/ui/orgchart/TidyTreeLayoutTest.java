package org.persistenceexplorer.ui.orgchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.graph.OrgMember;

/** The chart's layout and level of detail on known trees: no toolkit, no database. */
class TidyTreeLayoutTest {

    /**
     * 1 ← 2, 3, 4 ; 2 ← 5, 6 ; 4 ← 7 ; 7 ← 8, 9, 10.
     */
    private static List<OrgMember> known() {
        long[][] lines = {{1, 0}, {2, 1}, {3, 1}, {4, 1}, {5, 2}, {6, 2}, {7, 4}, {8, 7}, {9, 7}, {10, 7}};
        List<OrgMember> people = new ArrayList<>();
        for (long[] line : lines) {
            people.add(new OrgMember(line[0], "P" + (char) ('a' + line[0]), "t", "d", "Staff", line[1] == 0 ? null : line[1]));
        }
        return people;
    }

    @Test
    void noTwoBoxesOverlapAndEveryParentIsCentredOverItsChildren() {
        ChartTree tree = new ChartTree(known(), 100);
        Map<Long, TidyTreeLayout.Position> at = TidyTreeLayout.of(tree);

        assertThat(at).hasSize(10);
        for (long a : at.keySet()) {
            for (long b : at.keySet()) {
                if (a < b) {
                    TidyTreeLayout.Position p = at.get(a);
                    TidyTreeLayout.Position q = at.get(b);
                    boolean apart = Math.abs(p.x() - q.x()) >= TidyTreeLayout.NODE_WIDTH - 1e-9
                            || Math.abs(p.y() - q.y()) >= TidyTreeLayout.NODE_HEIGHT - 1e-9;
                    assertThat(apart).as(a + " and " + b + " overlap").isTrue();
                }
            }
        }
        for (long parent : new long[] {1, 2, 7}) {
            List<Long> kids = at.keySet().stream().filter(id -> Long.valueOf(parent).equals(tree.parentOf(id))).toList();
            double left = kids.stream().mapToDouble(id -> at.get(id).x()).min().orElseThrow();
            double right = kids.stream().mapToDouble(id -> at.get(id).x()).max().orElseThrow();
            assertThat(at.get(parent).x()).as("parent " + parent).isCloseTo((left + right) / 2, org.assertj.core.data.Offset.offset(1e-9));
            kids.forEach(k -> assertThat(at.get(k).y()).as("children below").isLessThan(at.get(parent).y()));
        }
        // 4 has one child: right above it
        assertThat(at.get(4L).x()).isCloseTo(at.get(7L).x(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void collapsingHidesATeamAndExpandingBringsItBack() {
        ChartTree tree = new ChartTree(known(), 100);
        assertThat(tree.visible()).hasSize(10);

        tree.collapse(7);
        assertThat(tree.visible()).hasSize(7).doesNotContain(8L, 9L, 10L);
        assertThat(tree.hiddenBelow(7)).isEqualTo(3);
        assertThat(TidyTreeLayout.of(tree)).hasSize(7);

        tree.toggle(7);
        assertThat(tree.visible()).hasSize(10);
    }

    @Test
    void aLargeCompanyNeverDrawsMoreThanTheBudget() {
        ChartTree tree = new ChartTree(SyntheticOrg.of(100_000, 12), ChartTree.DEFAULT_BUDGET);

        assertThat(tree.visible().size()).isLessThanOrEqualTo(ChartTree.OPEN_AT_START).isGreaterThan(10);
        long deep = 99_999;
        tree.reveal(deep);
        assertThat(tree.visible()).contains(deep).hasSizeLessThanOrEqualTo(ChartTree.DEFAULT_BUDGET);
        for (long id = 2; id < 400; id += 37) {
            tree.expand(id);
            assertThat(tree.visible().size()).isLessThanOrEqualTo(ChartTree.DEFAULT_BUDGET);
        }
        assertThat(TidyTreeLayout.of(tree)).hasSize(tree.visible().size());
    }

    @Test
    void searchSuggestsNamesStartingWithTheTextFirst() {
        List<OrgMember> people = List.of(new OrgMember(1, "Ana Shah", "t", null, null, null),
                new OrgMember(2, "Diana Cruz", "t", null, null, 1L), new OrgMember(3, "Anabel Wong", "t", null, null, 1L));
        ChartTree tree = new ChartTree(people, 100);

        assertThat(tree.search("ana", 5)).extracting(OrgMember::name).containsExactly("Ana Shah", "Anabel Wong", "Diana Cruz");
        assertThat(tree.search("zzz", 5)).isEmpty();
        assertThat(tree.search("  ", 5)).isEmpty();
    }
}
