package org.persistenceexplorer.ui.tables;

/**
 * One line of the entity-model panel. Immutable.
 *
 * @param depth 0 for a section heading, 1 for an entry, 2 for an entry's details
 * @param text  what it says
 */
public record ModelLine(int depth, String text) {
}
