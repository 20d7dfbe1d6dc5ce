package org.persistenceexplorer.store.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class RootPolicyTest {

    @Test
    void normalUserCanRunTheEmbeddedServer() {
        RootPolicy policy = RootPolicy.of(false, false);

        assertThat(policy.embeddedPostgresPossible()).isTrue();
        assertThat(policy.root()).isFalse();
        assertThatCode(policy::requireEmbeddedPostgresPossible).doesNotThrowAnyException();
    }

    @Test
    void rootWithUserNamespacesCanRunTheEmbeddedServer() {
        RootPolicy policy = RootPolicy.of(true, true);

        assertThat(policy.embeddedPostgresPossible()).isTrue();
        assertThatCode(policy::requireEmbeddedPostgresPossible).doesNotThrowAnyException();
    }

    @Test
    void rootWithoutUserNamespacesIsRefusedWithBothWaysOut() {
        RootPolicy policy = RootPolicy.of(true, false);

        assertThat(policy.embeddedPostgresPossible()).isFalse();
        assertThatThrownBy(policy::requireEmbeddedPostgresPossible)
                .isInstanceOfSatisfying(EngineStartException.class, e -> {
                    assertThat(e.getMessage()).contains("running as root", "normal (non-root) user", "--pg-url");
                    assertThat(e.remedy()).contains("normal user").contains("--pg-url");
                });
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void detectSeesWhetherThisProcessRunsAsRoot() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");

        RootPolicy detected = RootPolicy.detect();

        assertThat(detected.root()).isEqualTo(uid == 0);
        if (uid != 0) {
            assertThat(detected.embeddedPostgresPossible()).isTrue();
        }
    }
}
