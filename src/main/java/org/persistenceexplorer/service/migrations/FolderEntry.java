package org.persistenceexplorer.service.migrations;

/**
 * One file of a track's folder and what happens to it, so nothing in the folder is ignored in
 * silence. Immutable.
 *
 * @param runs true when Flyway runs it (versioned, repeatable, baseline, callback)
 * @param what in plain words, e.g. "versioned migration 2" or "ignored: not an SQL file"
 */
public record FolderEntry(String file, boolean runs, String what) {
}
