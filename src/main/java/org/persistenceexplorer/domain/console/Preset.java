package org.persistenceexplorer.domain.console;

import java.util.Map;

/**
 * One of the course's queries, one click away in the console.
 *
 * @param teaches    one sentence on what it shows
 * @param parameters values the parameters panel starts with (name to value)
 */
public record Preset(ConsoleMode mode, String title, String teaches, String text, Map<String, String> parameters) {

    public Preset {
        parameters = Map.copyOf(parameters);
    }
}
