package org.persistenceexplorer.service.tables;

import java.util.List;

/**
 * A query's rows as pages: how many rows match, and the first key of every page, read in one
 * pass, so any page can be fetched with one keyset seek whatever its number. Immutable.
 *
 * @param total     rows matching the query when the index was read
 * @param pageSize  rows per page
 * @param bookmarks the seek key of each page's first row
 */
public record RowIndex(RowQuery query, long total, int pageSize, List<List<String>> bookmarks) {

    public RowIndex {
        bookmarks = List.copyOf(bookmarks);
    }

    public int pages() {
        return bookmarks.size();
    }

    /** The page holding the row at {@code position} (0-based). */
    public int pageOf(long position) {
        return (int) (position / pageSize);
    }
}
