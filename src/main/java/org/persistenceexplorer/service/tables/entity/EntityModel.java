package org.persistenceexplorer.service.tables.entity;

import java.util.List;
import java.util.Optional;
import org.persistenceexplorer.service.tables.TableRef;

/**
 * How Hibernate maps one entity, as its metamodel says at run time (never a per-entity list
 * written by hand): the class and its table, the id and how it is generated, the version,
 * dynamic update, the inheritance hierarchy, every attribute with its column, formula,
 * converter, relationship, fetching and cascading, and the lifecycle callbacks. Immutable.
 *
 * @param entityName       Hibernate's entity name, e.g. {@code Employee}
 * @param className        the mapped class, fully qualified
 * @param table            the table its own attributes live in
 * @param idAttribute      the id attribute's name
 * @param idGeneration     how the id is made, in words ("IDENTITY: the database assigns it during the INSERT")
 * @param versionAttribute the optimistic-lock version attribute, or null when not versioned
 * @param dynamicUpdate    an UPDATE names only the changed columns
 * @param dynamicInsert    an INSERT names only the non-null columns
 * @param hierarchy        the inheritance hierarchy, or null when the entity has neither parent nor children
 * @param attributes       every attribute, inherited ones included (see {@link ModelAttribute#declaredBy()})
 * @param callbacks        lifecycle callbacks, e.g. "@PrePersist stampCreatedAt()"
 */
public record EntityModel(String entityName, String className, TableRef table, String idAttribute, String idGeneration,
                          String versionAttribute, boolean dynamicUpdate, boolean dynamicInsert, EntityHierarchy hierarchy,
                          List<ModelAttribute> attributes, List<String> callbacks) {

    public EntityModel {
        attributes = List.copyOf(attributes);
        callbacks = List.copyOf(callbacks);
    }

    public Optional<ModelAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The attributes that lead to other entities (to-one and collections of entities). */
    public List<ModelAttribute> relationships() {
        return attributes.stream().filter(a -> a.relationship() != null).toList();
    }
}
