package org.persistenceexplorer.ui.common;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A named thing a feature can be asked to do, e.g. "tables.edit" or "lab.run": what lessons'
 * steps call (decision 0030). It acts on the feature's view-models as a click would, so the
 * statements it causes carry the feature's usual action labels. The name starts with the
 * feature's id and a dot. FX thread; {@link #check} may run on any thread (it only reads).
 *
 * @param name       "feature.verb"
 * @param help       one line for lesson authors
 * @param required   arguments it cannot do without
 * @param optional   arguments it also understands
 * @param check      what is wrong with these arguments beyond names (a preset that is not there), or empty
 * @param run        does it (starts background work as a click would; returns at once)
 */
public record FeatureCommand(String name, String help, Set<String> required, Set<String> optional,
                             Function<Map<String, String>, Optional<String>> check, Consumer<Map<String, String>> run) {

    public FeatureCommand {
        required = Set.copyOf(required);
        optional = Set.copyOf(optional);
    }

    /** A command whose arguments need no check beyond their names. */
    public static FeatureCommand of(String name, String help, Set<String> required, Set<String> optional,
                                    Consumer<Map<String, String>> run) {
        return new FeatureCommand(name, help, required, optional, args -> Optional.empty(), run);
    }

    /** Empty when these arguments fit, else what is wrong, in words. */
    public Optional<String> problem(Map<String, String> arguments) {
        for (String needed : required) {
            if (!arguments.containsKey(needed)) {
                return Optional.of("'" + name + "' needs the argument '" + needed + "'");
            }
        }
        for (String given : arguments.keySet()) {
            if (!required.contains(given) && !optional.contains(given)) {
                Set<String> known = new TreeSet<>(required);
                known.addAll(optional);
                return Optional.of("'" + name + "' has no argument '" + given + "' (it knows: " + String.join(", ", known) + ")");
            }
        }
        return check.apply(arguments);
    }
}
