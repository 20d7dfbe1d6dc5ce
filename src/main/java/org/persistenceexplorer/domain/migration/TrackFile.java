package org.persistenceexplorer.domain.migration;

/**
 * One file of a migration folder, with its text. Immutable.
 *
 * @param name the file name, e.g. "V2__add_post_slug.sql"
 * @param text the content (UTF-8)
 */
public record TrackFile(String name, String text) {
}
