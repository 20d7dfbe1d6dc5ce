package org.persistenceexplorer.service.tables;

/**
 * Quotes SQL identifiers. Only names that come from the catalog are ever quoted into SQL; values
 * are always bound parameters.
 */
final class Identifiers {

    private Identifiers() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
