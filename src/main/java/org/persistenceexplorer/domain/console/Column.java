package org.persistenceexplorer.domain.console;

/**
 * One column of a result as the engine described it.
 *
 * @param type the engine's type name, e.g. "numeric" or "varchar"; "" when unknown (Cypher)
 */
public record Column(String name, String type) {
}
