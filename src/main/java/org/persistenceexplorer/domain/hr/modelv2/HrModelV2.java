package org.persistenceexplorer.domain.hr.modelv2;

import java.util.List;

/**
 * The HR sample's "model v2" entity classes (see the package description), to compare with a
 * schema, never to run the app on. Immutable.
 */
public final class HrModelV2 {

    /** Every mapped class of model v2. */
    public static final List<Class<?>> ENTITIES = List.of(Department.class, Employee.class, Project.class);

    private HrModelV2() {
    }
}
