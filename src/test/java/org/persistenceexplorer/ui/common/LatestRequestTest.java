package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestRequestTest {

    @Test
    void aResultThatArrivesAfterANewerRequestIsDropped() {
        LatestRequest latest = new LatestRequest();
        List<String> shown = new ArrayList<>();
        List<Runnable> pendingResults = new ArrayList<>();
        Consumer<String> ask = query -> {
            long request = latest.next();
            pendingResults.add(() -> {
                if (latest.isLatest(request)) {
                    shown.add(query);
                }
            });
        };

        ask.accept("page 1");
        ask.accept("page 2");
        pendingResults.get(1).run();   // the newer answer arrives first
        pendingResults.get(0).run();   // the older one arrives late

        assertThat(shown).containsExactly("page 2");
    }
}
