package org.persistenceexplorer.service.tables.entity;

import java.util.List;

/**
 * One attribute of an entity as Hibernate maps it. Immutable.
 *
 * @param name         the attribute, e.g. {@code manager}
 * @param javaType     its Java type's simple name (for a collection: "Set<Project>")
 * @param kind         what sort of attribute it is
 * @param mapping      where it lives: the column(s), the join table, or for a formula its SQL
 * @param relationship MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY or MANY_TO_MANY; null for a plain value
 * @param target       the related entity's name, or null
 * @param side         for a relationship: "owning side" or "inverse side (mappedBy x)"; else null
 * @param fetch        "LAZY" or "EAGER" with Hibernate's fetch style; null for plain values loaded with the row
 * @param cascade      the operations cascaded to the related entities (PERSIST, MERGE, REMOVE, ...); empty for none
 * @param orphanRemoval a related entity removed from the association is deleted
 * @param converter    the value converter, e.g. "StatusConverter: OrderStatus ⇄ String"; or null
 * @param generated    how the value is generated (the id's generator, a database default read back), or null
 * @param constraints  Bean Validation constraints, e.g. "@Size(max=120)"
 * @param declaredBy   the entity (or mapped superclass) that declares it
 */
public record ModelAttribute(String name, String javaType, Kind kind, String mapping, String relationship, String target,
                             String side, String fetch, List<String> cascade, boolean orphanRemoval, String converter,
                             String generated, List<String> constraints, String declaredBy) {

    public ModelAttribute {
        cascade = List.copyOf(cascade);
        constraints = List.copyOf(constraints);
    }

    /** What sort of attribute. */
    public enum Kind {
        ID, VERSION, BASIC, FORMULA, TO_ONE, COLLECTION, EMBEDDED
    }

    /** True for to-one and entity collections: the panel can follow them. */
    public boolean navigable() {
        return target != null && (kind == Kind.TO_ONE || kind == Kind.COLLECTION);
    }
}
