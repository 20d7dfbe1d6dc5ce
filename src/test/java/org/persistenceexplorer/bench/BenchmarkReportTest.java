package org.persistenceexplorer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report model: targets judge figures, and both renderings carry every figure intact. */
class BenchmarkReportTest {

    @Test
    void aFigureMeetsItsTargetOnlyOnTheRightSideOfTheLimit() {
        assertThat(Figure.of("a", 1.10, "ratio", Figure.Target.atMost("1.10")).meets()).isTrue();
        assertThat(Figure.of("a", 1.11, "ratio", Figure.Target.atMost("1.10")).meets()).isFalse();
        assertThat(Figure.of("b", 250, "ms", Figure.Target.below("250")).meets()).isFalse();
        assertThat(Figure.of("b", 249, "ms", Figure.Target.below("250")).meets()).isTrue();
        assertThat(Figure.of("c", Double.NaN, "ms", Figure.Target.below("250")).meets()).isFalse();
        assertThat(Figure.of("d", 42, "s", Figure.Target.informative())).extracting(Figure::target, Figure::meets)
                .containsExactly("informative", true);
        assertThat(Figure.Target.atMost("1.10").text()).isEqualTo("<= 1.10");
    }

    @Test
    void jsonListsEveryFigureWithEscapedTextAndFailures() {
        BenchmarkReport report = new BenchmarkReport();
        report.add(new BenchmarkReport.Section("One", "body", List.of(
                Figure.of("x.ratio", 1.0634921, "ratio", Figure.Target.atMost("1.10")),
                Figure.of("x.failed", Double.NaN, "ms", Figure.Target.below("250")))));
        report.addFailure("Two \"quoted\"", new IllegalStateException("line 1\nline 2\\\u0001"));

        String json = report.json();

        assertThat(json).contains("{\"id\": \"x.ratio\", \"value\": 1.063, \"unit\": \"ratio\", \"target\": \"<= 1.10\", \"meets\": true}");
        assertThat(json).contains("{\"id\": \"x.failed\", \"value\": null, \"unit\": \"ms\", \"target\": \"< 250\", \"meets\": false}");
        assertThat(json).contains("\"failures\": [\"Two \\\"quoted\\\": java.lang.IllegalStateException: line 1\\nline 2\\\\\\u0001\"]");
        assertThat(json).contains("\"generated\": \"").contains("\"machine\": {\"cores\": ");
        assertThat(report.failed()).isTrue();
        assertThat(report.markdown()).contains("| `x.ratio` | 1.063 | ratio | &lt;= 1.10 | yes |")
                .contains("## One\n\nbody").contains("## Two \"quoted\"\n\nFAIL: ");
    }
}
