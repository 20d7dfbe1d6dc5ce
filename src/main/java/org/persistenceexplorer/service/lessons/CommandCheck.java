package org.persistenceexplorer.service.lessons;

import java.util.Map;
import java.util.Optional;

/**
 * Says whether a lesson may call a command with these arguments: the name must be registered,
 * the arguments known, the things they name (a preset, a track) there. Implemented by the
 * UI's command registry; any thread.
 */
@FunctionalInterface
public interface CommandCheck {

    /** Empty when fine, else what is wrong, in words ("no command 'tables.opne'; known: ..."). */
    Optional<String> problem(String command, Map<String, String> arguments);
}
