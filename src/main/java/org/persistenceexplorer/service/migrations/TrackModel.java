package org.persistenceexplorer.service.migrations;

import java.util.List;

/**
 * The Hibernate model a migration track belongs to: the entity classes mapping its tables, and
 * optionally a changed model to demonstrate autogenerate without editing Java. A track with a
 * model gets "model vs schema" and autogenerate in the Migrations tab. Immutable.
 *
 * @param entities        the entity classes of the app's model for this track
 * @param changed         a changed model ("model v2") for the demo, or an empty list
 * @param changedSummary  what the changed model changes, in plain words, or null
 */
public record TrackModel(List<Class<?>> entities, List<Class<?>> changed, String changedSummary) {

    public TrackModel {
        entities = List.copyOf(entities);
        changed = List.copyOf(changed);
    }

    /** A model without a bundled change. */
    public TrackModel(List<Class<?>> entities) {
        this(entities, List.of(), null);
    }

    public boolean hasChangedModel() {
        return !changed.isEmpty();
    }

    /** The entities of the app's model, or of the changed one. */
    public List<Class<?>> entities(boolean useChanged) {
        return useChanged && hasChangedModel() ? changed : entities;
    }
}
