package org.persistenceexplorer.service.orggraph;

import java.util.function.Consumer;
import org.persistenceexplorer.service.changes.RowChange;

/**
 * Keeps the profile cache true when HR rows change through the app (the Tables tab): a changed
 * or deleted employee row, or one of their project assignments, drops that person's profile; a
 * changed department or project (whose names every profile of its people shows) drops them all.
 * Thread-safe, like the cache.
 */
public final class ProfileInvalidation implements Consumer<RowChange> {

    private final PersonProfiles profiles;
    private final String hrSchema;

    /** @param hrSchema the schema the profiles read (hr in the app) */
    public ProfileInvalidation(PersonProfiles profiles, String hrSchema) {
        this.profiles = profiles;
        this.hrSchema = hrSchema;
    }

    @Override
    public void accept(RowChange change) {
        if (!change.schema().equals(hrSchema)) {
            return;
        }
        switch (change.table()) {
            case "employee" -> invalidate(change.keyValue("id"));
            case "employee_project" -> invalidate(change.keyValue("employee_id"));
            case "department", "project" -> profiles.clear();
            default -> {
            }
        }
    }

    private void invalidate(String id) {
        if (id == null) {
            // a change we cannot pin to one person: better read everyone again than show stale facts
            profiles.clear();
            return;
        }
        try {
            profiles.invalidate(Long.parseLong(id));
        } catch (NumberFormatException e) {
            profiles.clear();
        }
    }
}
