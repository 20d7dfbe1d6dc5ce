package org.persistenceexplorer.domain.hr;

import java.util.List;

/**
 * The HR sample's entity classes, to hand to Hibernate (the schema itself comes from the
 * hr migration track). Immutable.
 */
public final class HrModel {

    /** Every mapped class of the HR sample. */
    public static final List<Class<?>> ENTITIES = List.of(Department.class, Employee.class, Project.class);

    private HrModel() {
    }
}
