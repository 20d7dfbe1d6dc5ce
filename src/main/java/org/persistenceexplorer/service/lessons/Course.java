package org.persistenceexplorer.service.lessons;

import java.util.List;
import java.util.Optional;

/**
 * The lessons in the course's order, in its groups, each loaded or with the reason it could not
 * be. Immutable; any thread.
 */
public record Course(List<Group> groups) {

    public Course {
        groups = List.copyOf(groups);
    }

    /** One group of the course ("ORM basics and CRUD") and its lessons, in order. */
    public record Group(String title, List<Entry> entries) {
        public Group {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One lesson file: its lesson, or (lesson null) the problem that kept it from loading, in
     * words that name the file and the line's meaning.
     */
    public record Entry(String id, Lesson lesson, String problem) {
        public boolean loaded() {
            return lesson != null;
        }
    }

    /** Every entry, in course order. */
    public List<Entry> entries() {
        return groups.stream().flatMap(g -> g.entries().stream()).toList();
    }

    /** The loaded lessons, in course order. */
    public List<Lesson> lessons() {
        return entries().stream().filter(Entry::loaded).map(Entry::lesson).toList();
    }

    public Optional<Entry> entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
