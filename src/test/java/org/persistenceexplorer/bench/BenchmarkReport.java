package org.persistenceexplorer.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The one report of a benchmark run: the machine, a table of every {@link Figure}, then each
 * section's own Markdown. Renders as Markdown for people and as JSON for tools
 * ({@code {"generated", "machine", "figures", "failures"}}). Not thread-safe; filled by the
 * suite's one thread.
 */
public final class BenchmarkReport {

    private final ZonedDateTime generated = ZonedDateTime.now(ZoneOffset.UTC);
    private final double loadAverageAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    private final List<Section> sections = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public void add(Section section) {
        sections.add(section);
    }

    /** A section that could not finish: its heading with the reason, and no figures. */
    public void addFailure(String title, Exception cause) {
        String reason = title + ": " + cause;
        failures.add(reason);
        sections.add(new Section(title, "FAIL: the section did not complete: " + cause + "\n", List.of()));
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    public List<Figure> figures() {
        return sections.stream().flatMap(s -> s.figures().stream()).toList();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Persistence Explorer benchmarks\n\n");
        machine().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nThe same figures for tools: `report.json`. What each figure means: docs/BENCHMARKS.md.\n\n");
        md.append("## Figures\n\n| id | value | unit | target | meets |\n|---|---:|---|---|---|\n");
        for (Figure f : figures()) {
            md.append("| `").append(f.id()).append("` | ").append(number(f.value())).append(" | ").append(f.unit())
                    .append(" | ").append(f.target().replace("<", "&lt;")).append(" | ")
                    .append(f.meets() ? "yes" : "**no**").append(" |\n");
        }
        failures.forEach(f -> md.append("\nFAIL: ").append(f).append('\n'));
        for (Section s : sections) {
            md.append("\n## ").append(s.title()).append("\n\n").append(s.markdown().strip()).append('\n');
        }
        return md.toString();
    }

    public String json() {
        StringJoiner machine = new StringJoiner(", ", "{", "}");
        machine.add(quote("cores") + ": " + Runtime.getRuntime().availableProcessors());
        machine.add(quote("java") + ": " + quote(System.getProperty("java.runtime.version")));
        machine.add(quote("vm") + ": " + quote(System.getProperty("java.vm.name")));
        machine.add(quote("os") + ": " + quote(os()));
        machine.add(quote("maxHeapMiB") + ": " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.add(quote("loadAverageAtStart") + ": " + number(loadAverageAtStart));
        StringJoiner figures = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (Figure f : figures()) {
            figures.add("{" + quote("id") + ": " + quote(f.id()) + ", " + quote("value") + ": " + number(f.value())
                    + ", " + quote("unit") + ": " + quote(f.unit()) + ", " + quote("target") + ": " + quote(f.target())
                    + ", " + quote("meets") + ": " + f.meets() + "}");
        }
        StringJoiner failed = new StringJoiner(", ", "[", "]");
        failures.forEach(f -> failed.add(quote(f)));
        return "{\n  " + quote("generated") + ": " + quote(generated.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                + ",\n  " + quote("machine") + ": " + machine
                + ",\n  " + quote("figures") + ": " + (figures().isEmpty() ? "[]" : figures.toString())
                + ",\n  " + quote("failures") + ": " + failed + "\n}\n";
    }

    private List<String> machine() {
        Runtime runtime = Runtime.getRuntime();
        return List.of(
                "Generated: " + generated.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "Machine: " + runtime.availableProcessors() + " cores, " + os() + ", load average at start "
                        + number(loadAverageAtStart),
                "Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + ", max heap of the benchmark JVM " + runtime.maxMemory() / (1024 * 1024) + " MiB");
    }

    private static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
    }

    /** Up to three decimals, no exponent; NaN and infinities (a failed measurement) as JSON null. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * What one section measured.
     *
     * @param markdown the section's body (its heading comes from {@code title}); headings inside use ###
     */
    public record Section(String title, String markdown, List<Figure> figures) {

        public Section {
            figures = List.copyOf(figures);
        }
    }
}
