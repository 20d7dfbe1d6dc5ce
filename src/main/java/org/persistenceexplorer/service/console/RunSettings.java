package org.persistenceexplorer.service.console;

import java.util.Map;

/**
 * How to run one console statement.
 *
 * @param timeoutSeconds how long it may run before the server stops it (0: no limit)
 * @param parameters     values for its named parameters ({@code :name} / {@code $name}), always bound
 * @param readOnly       run it in a read-only transaction (the default on an external server)
 * @param writeConfirmed the user agreed to a write although the console is read-only
 */
public record RunSettings(int timeoutSeconds, Map<String, String> parameters, boolean readOnly, boolean writeConfirmed) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    public RunSettings {
        parameters = Map.copyOf(parameters);
    }

    /** Read-write, the default time limit, no parameters. */
    public static RunSettings defaults() {
        return new RunSettings(DEFAULT_TIMEOUT_SECONDS, Map.of(), false, false);
    }

    public RunSettings withTimeout(int seconds) {
        return new RunSettings(seconds, parameters, readOnly, writeConfirmed);
    }

    public RunSettings withParameters(Map<String, String> values) {
        return new RunSettings(timeoutSeconds, values, readOnly, writeConfirmed);
    }

    public RunSettings readOnly(boolean value) {
        return new RunSettings(timeoutSeconds, parameters, value, writeConfirmed);
    }

    public RunSettings confirmingWrites() {
        return new RunSettings(timeoutSeconds, parameters, readOnly, true);
    }
}
