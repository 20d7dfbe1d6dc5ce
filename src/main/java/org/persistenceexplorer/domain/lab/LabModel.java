package org.persistenceexplorer.domain.lab;

import java.util.List;

/**
 * The loading lab's entity classes (schema {@code lab}, created and seeded by the lab itself),
 * to hand to the app's one Hibernate beside the HR entities. Immutable.
 */
public final class LabModel {

    /** Every mapped class of the lab. */
    public static final List<Class<?>> ENTITIES = List.of(Department.class, Employee.class, Project.class);

    private LabModel() {
    }
}
