package org.persistenceexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareRenderingTest {

    @TempDir
    Path temp;

    @Test
    void software_pipeline_requested_turns_region_caching_off() {
        Properties properties = new Properties();
        properties.setProperty("prism.order", "sw");

        assertThat(SoftwareRendering.decide(properties, "Mac OS X", temp)).isTrue();
        assertThat(properties.getProperty("prism.disableRegionCaching")).isEqualTo("true");
    }

    @Test
    void monocle_turns_it_off_whatever_the_system() {
        Properties properties = new Properties();
        properties.setProperty("glass.platform", "Monocle");

        assertThat(SoftwareRendering.decide(properties, "Windows 11", temp)).isTrue();
    }

    @Test
    void linux_without_a_gpu_device_turns_it_off_and_with_one_keeps_it() throws Exception {
        Properties noGpu = new Properties();
        assertThat(SoftwareRendering.decide(noGpu, "Linux", temp.resolve("dri"))).isTrue();

        Path dri = Files.createDirectory(temp.resolve("dri"));
        Properties gpu = new Properties();
        assertThat(SoftwareRendering.decide(gpu, "Linux", dri)).isFalse();
        assertThat(gpu.getProperty("prism.disableRegionCaching")).isNull();
    }

    @Test
    void a_gpu_pipeline_asked_for_or_another_system_keeps_the_cache() {
        Properties es2 = new Properties();
        es2.setProperty("prism.order", "es2,sw");
        assertThat(SoftwareRendering.decide(es2, "Linux", temp.resolve("none"))).isFalse();

        assertThat(SoftwareRendering.decide(new Properties(), "Windows 11", temp.resolve("none"))).isFalse();
    }

    @Test
    void the_users_own_setting_is_never_overridden() {
        Properties properties = new Properties();
        properties.setProperty("prism.order", "sw");
        properties.setProperty("prism.disableRegionCaching", "false");

        assertThat(SoftwareRendering.decide(properties, "Linux", temp)).isFalse();
        assertThat(properties.getProperty("prism.disableRegionCaching")).isEqualTo("false");
    }
}
