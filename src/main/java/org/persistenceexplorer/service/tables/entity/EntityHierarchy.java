package org.persistenceexplorer.service.tables.entity;

import java.util.List;

/**
 * An entity's place in an inheritance hierarchy, from Hibernate's metamodel. Immutable.
 *
 * @param strategy           SINGLE_TABLE, JOINED or TABLE_PER_CLASS, with what it means for the tables
 * @param root               the hierarchy's root entity
 * @param parent             the direct super entity, or null for the root
 * @param children           the direct sub entities
 * @param members            every entity of the hierarchy with its table, e.g. "DigitalProduct (shop.product)"
 * @param discriminatorColumn the column that tells the subclasses apart, or null (JOINED may have none)
 * @param discriminatorValue this entity's value in it, or null
 */
public record EntityHierarchy(String strategy, String root, String parent, List<String> children, List<String> members,
                              String discriminatorColumn, String discriminatorValue) {

    public EntityHierarchy {
        children = List.copyOf(children);
        members = List.copyOf(members);
    }
}
