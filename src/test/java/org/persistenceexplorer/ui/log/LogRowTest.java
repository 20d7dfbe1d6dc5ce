package org.persistenceexplorer.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogRowTest {

    @Test
    void durationsReadAsTheyDidWithStringFormat() {
        assertThat(LogRow.decimals(0, 10)).isEqualTo("0.0");
        assertThat(LogRow.decimals(28.94, 10)).isEqualTo("28.9");
        assertThat(LogRow.decimals(0.06, 10)).isEqualTo("0.1");
        assertThat(LogRow.decimals(999.96, 10)).isEqualTo("1000.0");
        assertThat(LogRow.decimals(28.25, 10)).as("a tie rounds up").isEqualTo("28.3");
        assertThat(LogRow.decimals(12.3456, 100)).isEqualTo("12.35");
        assertThat(LogRow.decimals(3.0, 100)).isEqualTo("3.00");
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            // durations in microseconds, as milliseconds; off the ties, where a binary fraction can
            // round the other way than the decimal one (1.005 is 1.00499999...), which does not matter here
            int micros = random.nextInt(50_000_000);
            if (micros % 100 == 50 || micros % 10 == 5) {
                continue;
            }
            double millis = micros / 1e3;
            assertThat(LogRow.decimals(millis, 10)).as("%s ms", millis).isEqualTo(String.format(Locale.ROOT, "%.1f", millis));
            assertThat(LogRow.decimals(millis, 100)).as("%s s", millis).isEqualTo(String.format(Locale.ROOT, "%.2f", millis));
        }
    }
}
