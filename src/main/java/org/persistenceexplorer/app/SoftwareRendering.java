package org.persistenceexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Tunes JavaFX for its software renderer before the toolkit starts (Main calls it; tests and
 * benchmarks get the same flag from the POM's pe.test.headless). Where JavaFX has no usable GPU
 * (a virtual machine, Xvfb, a remote desktop, Monocle in tests and CI) it falls back to Prism's
 * software pipeline, and there "region caching" - drawing each bordered background once into an
 * image and stretching that image as nine slices every frame - costs more than drawing the
 * rectangles again: measured here at 1200x800, a scrolled table's frame took 27-32 ms of render
 * CPU with caching and 7-9 ms without (modena; 13-17 vs 6-9 ms with AtlantaFX). While the render
 * thread paints, the FX thread waits for it at the next pulse, so a slow frame is a stall the
 * user feels. On a GPU the cache helps, so it stays on there. See docs/STACK-NOTES.md.
 *
 * <p>Plain logic on the launching thread; call before {@code Application.launch} or
 * {@code Platform.startup} (Prism reads its settings once, when the pipeline starts).
 */
final class SoftwareRendering {

    static final String REGION_CACHING_OFF = "prism.disableRegionCaching";

    private SoftwareRendering() {
    }

    /** Applies {@link #decide} to this JVM's system properties; returns whether caching was turned off. */
    static boolean applyBeforeToolkitStarts() {
        return decide(System.getProperties(), System.getProperty("os.name"), Path.of("/dev/dri"));
    }

    /**
     * Turns region caching off when the software pipeline is expected: Prism told to use it
     * ({@code prism.order} starting with sw), the Monocle glass platform (software only), or Linux
     * with no {@code /dev/dri} (no GPU device, so OpenGL is not usable and Prism falls back, as it
     * does under Xvfb). A value the user set for the property is never overridden.
     *
     * @return whether the property was set by this call
     */
    static boolean decide(Properties properties, String osName, Path gpuDevices) {
        if (properties.getProperty(REGION_CACHING_OFF) != null) {
            return false;
        }
        String order = properties.getProperty("prism.order", "").trim().toLowerCase();
        boolean softwareFirst = order.startsWith("sw");
        boolean monocle = "Monocle".equalsIgnoreCase(properties.getProperty("glass.platform"));
        boolean linuxWithoutGpu = osName != null && osName.toLowerCase().startsWith("linux")
                && order.isEmpty() && !Files.isDirectory(gpuDevices);
        if (!softwareFirst && !monocle && !linuxWithoutGpu) {
            return false;
        }
        properties.setProperty(REGION_CACHING_OFF, "true");
        return true;
    }
}
