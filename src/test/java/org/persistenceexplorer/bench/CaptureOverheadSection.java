package org.persistenceexplorer.bench;

import java.util.List;

/**
 * The capture-overhead section: {@link CaptureOverheadBenchmark}'s rounds as Markdown and the
 * median ratio captured/raw as figure {@code capture.overhead_ratio} (target at most 1.10).
 */
final class CaptureOverheadSection implements BenchmarkSection {

    @Override
    public String title() {
        return "Capture overhead";
    }

    @Override
    public BenchmarkReport.Section run() throws Exception {
        CaptureOverheadReport rounds = CaptureOverheadBenchmark.run();
        return new BenchmarkReport.Section(title(), rounds.markdown(), List.of(
                Figure.of("capture.overhead_ratio", rounds.medianRatio(), "ratio",
                        Figure.Target.atMost(String.format(java.util.Locale.ROOT, "%.2f", CaptureOverheadBenchmark.TARGET_RATIO)))));
    }
}
