package org.persistenceexplorer.service.tables.entity;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.CascadeStyle;
import org.hibernate.engine.spi.CascadingAction;
import org.hibernate.engine.spi.CascadingActions;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.generator.OnExecutionGenerator;
import org.hibernate.generator.Assigned;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.jpa.event.spi.CallbackRegistry;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.BasicAttributeMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;
import org.hibernate.sql.results.graph.FetchOptions;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.TableRef;

/**
 * Reads how every entity is mapped from the running Hibernate's metamodel (Hibernate's mapping
 * model for columns, formulas, converters, fetching, cascades and inheritance; the JPA metamodel
 * for the relationship kinds; the callback registry; Bean Validation's metadata), so whatever a
 * track maps shows up without code per entity. Read once per SessionFactory. Thread-safe;
 * the first call after Hibernate opens takes a few milliseconds, call off the FX thread.
 */
public final class EntityModels {

    private static final Map<String, CascadingAction<?>> CASCADES = new LinkedHashMap<>();

    static {
        CASCADES.put("PERSIST", CascadingActions.PERSIST);
        CASCADES.put("MERGE", CascadingActions.MERGE);
        CASCADES.put("REMOVE", CascadingActions.REMOVE);
        CASCADES.put("REFRESH", CascadingActions.REFRESH);
        CASCADES.put("DETACH", CascadingActions.EVICT);
        CASCADES.put("LOCK", CascadingActions.LOCK);
    }

    private final OrmSessions orm;
    private volatile Read read;

    public EntityModels(OrmSessions orm) {
        this.orm = orm;
    }

    /** True once Hibernate is open. */
    public boolean ready() {
        return orm.isOpen();
    }

    /** Every mapped entity, by name. Empty until Hibernate is open. */
    public List<EntityModel> all() {
        return orm.isOpen() ? List.copyOf(models().byName.values()) : List.of();
    }

    /** The entity by Hibernate's entity name ("Employee"). */
    public Optional<EntityModel> named(String entityName) {
        return orm.isOpen() ? Optional.ofNullable(models().byName.get(entityName)) : Optional.empty();
    }

    /**
     * The entity whose own attributes live in this table: for a single-table hierarchy its root,
     * for a joined one the subclass whose table it is.
     */
    public Optional<EntityModel> forTable(TableRef table) {
        return orm.isOpen() ? Optional.ofNullable(models().byTable.get(table)) : Optional.empty();
    }

    private Read models() {
        SessionFactory factory = orm.factory();
        Read known = read;
        if (known != null && known.factory == factory) {
            return known;
        }
        Read built = new Read(factory);
        read = built;
        return built;
    }

    /** The models of one SessionFactory. */
    private static final class Read {
        private final SessionFactory factory;
        private final Map<String, EntityModel> byName = new LinkedHashMap<>();
        private final Map<TableRef, EntityModel> byTable = new LinkedHashMap<>();

        Read(SessionFactory factory) {
            this.factory = factory;
            SessionFactoryImplementor implementor = factory.unwrap(SessionFactoryImplementor.class);
            CallbackRegistry callbacks = implementor.getEventEngine().getCallbackRegistry();
            List<EntityPersister> persisters = new ArrayList<>();
            implementor.getMappingMetamodel().forEachEntityDescriptor(persisters::add);
            persisters.sort(java.util.Comparator.comparing(EntityPersister::getJpaEntityName));
            // the validator's metadata is read while its factory is open, once per SessionFactory
            try (var validation = Validation.buildDefaultValidatorFactory()) {
                Validator validator = validation.getValidator();
                for (EntityPersister persister : persisters) {
                    EntityModel model = read(implementor, persister, validator, callbacks);
                    byName.put(persister.getJpaEntityName(), model);
                    // a single-table subclass shares its root's table: the root stands for the table
                    byTable.merge(model.table(), model, (first, second) -> isAncestor(first, second) ? first : second);
                }
            }
        }

        private boolean isAncestor(EntityModel maybeAncestor, EntityModel other) {
            EntityHierarchy h = other.hierarchy();
            return h != null && !h.root().equals(other.entityName()) && h.root().equals(maybeAncestor.entityName())
                    || h != null && maybeAncestor.entityName().equals(h.parent());
        }
    }

    private static EntityModel read(SessionFactoryImplementor factory, EntityPersister persister, Validator validator,
                                    CallbackRegistry callbacks) {
        Class<?> type = persister.getMappedClass();
        EntityType<?> jpa = factory.getJpaMetamodel().entity(type);
        BeanDescriptor constraints = validator.getConstraintsForClass(type);
        String idName = persister.getIdentifierMapping().getAttributeName();
        String version = persister.getVersionMapping() == null ? null
                : persister.getVersionMapping().getVersionAttribute().getAttributeName();
        List<ModelAttribute> attributes = new ArrayList<>();
        attributes.add(new ModelAttribute(idName, persister.getIdentifierMapping().getJavaType().getJavaTypeClass().getSimpleName(),
                ModelAttribute.Kind.ID, columns(persister.getIdentifierMapping()), null, null, null, null, List.of(), false,
                null, generation(persister.getGenerator()), constraintsOf(constraints, idName), declaring(jpa, idName, type)));
        persister.forEachAttributeMapping(attribute -> attributes.add(attribute(attribute, jpa, constraints, version, type)));
        return new EntityModel(persister.getJpaEntityName(), type.getName(), tableOf(persister), idName,
                generation(persister.getGenerator()), version, persister.isDynamicUpdate(), persister.isDynamicInsert(),
                hierarchy(persister), attributes, callbacksOf(type, callbacks));
    }

    private static ModelAttribute attribute(AttributeMapping attribute, EntityType<?> jpa, BeanDescriptor constraints,
                                            String version, Class<?> type) {
        String name = attribute.getAttributeName();
        Attribute<?, ?> jpaAttribute = jpaAttribute(jpa, name);
        String javaType = jpaAttribute == null ? attribute.getJavaType().getJavaTypeClass().getSimpleName()
                : jpaAttribute.getJavaType().getSimpleName();
        List<String> validation = constraintsOf(constraints, name);
        String declaredBy = declaring(jpa, name, type);
        CascadeStyle cascadeStyle = attribute.getAttributeMetadata().getCascadeStyle();
        List<String> cascade = cascade(cascadeStyle);
        boolean orphans = cascadeStyle != null && cascadeStyle.hasOrphanDelete();
        String relationship = jpaAttribute == null ? null : switch (jpaAttribute.getPersistentAttributeType()) {
            case MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY -> jpaAttribute.getPersistentAttributeType().name();
            default -> null;
        };
        if (attribute instanceof ToOneAttributeMapping toOne) {
            String target = nameOf(toOne.getEntityMappingType());
            List<String> keyColumns = new ArrayList<>();
            toOne.getForeignKeyDescriptor().getKeyPart().forEachSelectable((i, s) -> keyColumns.add(s.getSelectionExpression()));
            boolean inverse = toOne.getReferencedPropertyName() != null
                    && toOne.getSideNature() == org.hibernate.metamodel.mapping.ForeignKeyDescriptor.Nature.TARGET;
            return new ModelAttribute(name, javaType, ModelAttribute.Kind.TO_ONE,
                    inverse ? "(the other side's column)" : "join column " + String.join(", ", keyColumns),
                    relationship == null ? toOne.getCardinality().name() : relationship, target,
                    inverse ? "inverse side (mappedBy " + toOne.getReferencedPropertyName() + ")" : "owning side",
                    fetch(toOne.getMappedFetchOptions()), cascade, orphans, null, null, validation, declaredBy);
        }
        if (attribute instanceof PluralAttributeMapping plural) {
            CollectionPersister collection = plural.getCollectionDescriptor();
            String target = collection.getElementPersister() == null ? null
                    : nameOf(collection.getElementPersister());
            List<String> key = new ArrayList<>();
            plural.getKeyDescriptor().getKeyPart().forEachSelectable((i, s) -> key.add(s.getSelectionExpression()));
            String table = collection instanceof AbstractCollectionPersister a ? a.getTableName() : "?";
            String mapping = collection.isManyToMany() || target == null ? "join table " + table + " (key " + String.join(", ", key) + ")"
                    : table + "." + String.join(", ", key);
            String side = target == null ? null : collection.isInverse()
                    ? "inverse side (mappedBy " + collection.getMappedByProperty() + ")" : "owning side";
            String element = target != null ? target : collection.getElementClass() == null ? "?" : collection.getElementClass().getSimpleName();
            String typeName = javaType + "<" + element + ">";
            return new ModelAttribute(name, typeName, ModelAttribute.Kind.COLLECTION, mapping,
                    relationship == null && target == null ? "ELEMENT_COLLECTION" : relationship, target, side,
                    fetch(plural.getMappedFetchOptions()), cascade, orphans || collection.hasOrphanDelete(), null, null,
                    validation, declaredBy);
        }
        if (attribute instanceof BasicAttributeMapping basic) {
            boolean formula = basic.isFormula();
            ModelAttribute.Kind kind = name.equals(version) ? ModelAttribute.Kind.VERSION
                    : formula ? ModelAttribute.Kind.FORMULA : ModelAttribute.Kind.BASIC;
            String mapping = formula ? "formula: " + formulaSql(basic.getSelectionExpression())
                    : "column " + basic.getSelectionExpression();
            return new ModelAttribute(name, javaType, kind, mapping, null, null, null,
                    basic.isLazy() ? "LAZY (loaded on first access)" : null, List.of(), false,
                    converter(basic.getJdbcMapping().getValueConverter()), generated(attribute.getGenerator()),
                    validation, declaredBy);
        }
        return new ModelAttribute(name, javaType, ModelAttribute.Kind.EMBEDDED, columns(attribute), relationship, null, null,
                null, cascade, orphans, null, null, validation, declaredBy);
    }

    private static Attribute<?, ?> jpaAttribute(ManagedType<?> jpa, String name) {
        try {
            return jpa == null ? null : jpa.getAttribute(name);
        } catch (IllegalArgumentException notThere) {
            return null;
        }
    }

    private static String declaring(EntityType<?> jpa, String name, Class<?> fallback) {
        Attribute<?, ?> attribute = jpaAttribute(jpa, name);
        Class<?> declaring = attribute == null ? fallback : attribute.getDeclaringType().getJavaType();
        return declaring.getSimpleName();
    }

    private static String columns(org.hibernate.metamodel.mapping.ModelPart part) {
        List<String> names = new ArrayList<>();
        part.forEachSelectable((i, s) -> names.add(s.getSelectionExpression()));
        return (names.size() == 1 ? "column " : "columns ") + String.join(", ", names);
    }

    /** Hibernate keeps a formula as a template with alias placeholders; show the SQL as written. */
    static String formulaSql(String template) {
        return template.replace("{@}.", "").replace("$PlaceHolder$.", "").trim();
    }

    private static String fetch(FetchOptions options) {
        String timing = options.getTiming() == org.hibernate.engine.FetchTiming.DELAYED ? "LAZY" : "EAGER";
        return timing + " (" + options.getStyle().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static List<String> cascade(CascadeStyle style) {
        List<String> cascaded = new ArrayList<>();
        if (style != null) {
            CASCADES.forEach((name, action) -> {
                if (style.doCascade(action)) {
                    cascaded.add(name);
                }
            });
        }
        return cascaded.size() == CASCADES.size() ? List.of("ALL") : cascaded;
    }

    private static String converter(BasicValueConverter<?, ?> converter) {
        if (converter == null) {
            return null;
        }
        String types = converter.getDomainJavaType().getJavaTypeClass().getSimpleName() + " ⇄ "
                + converter.getRelationalJavaType().getJavaTypeClass().getSimpleName();
        if (converter instanceof JpaAttributeConverter<?, ?> jpa) {
            return jpa.getConverterJavaType().getJavaTypeClass().getSimpleName() + " (AttributeConverter): " + types;
        }
        return converter.getClass().getSimpleName() + ": " + types;
    }

    static String generation(Generator generator) {
        if (generator == null) {
            return null;
        }
        if (generator instanceof SequenceStyleGenerator sequence) {
            return "SEQUENCE " + sequence.getDatabaseStructure().getPhysicalName().render()
                    + " (next value read before the INSERT, " + sequence.getDatabaseStructure().getIncrementSize() + " at a time)";
        }
        if (generator instanceof Assigned) {
            return "assigned by the application";
        }
        if (generator instanceof OnExecutionGenerator execution && execution.generatedOnExecution()) {
            return generator.getClass().getSimpleName().replace("Generator", "").toUpperCase(Locale.ROOT)
                    + ": the database assigns it during the INSERT";
        }
        return generator.getClass().getSimpleName();
    }

    private static String generated(Generator generator) {
        if (generator == null) {
            return null;
        }
        Set<String> events = new TreeSet<>();
        generator.getEventTypes().forEach(e -> events.add(e.name().toLowerCase(Locale.ROOT)));
        return (generator.generatedOnExecution() ? "by the database on " : "by " + generator.getClass().getSimpleName() + " on ")
                + String.join(" and ", events) + (generator.generatedOnExecution() ? ", read back" : "");
    }

    private static List<String> constraintsOf(BeanDescriptor bean, String property) {
        PropertyDescriptor descriptor = bean.getConstraintsForProperty(property);
        if (descriptor == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ConstraintDescriptor<?> c : descriptor.getConstraintDescriptors()) {
            List<String> values = new ArrayList<>();
            new java.util.TreeMap<>(c.getAttributes()).forEach((key, value) -> {
                if (!Set.of("message", "groups", "payload", "regexp", "flags").contains(key)) {
                    values.add(key + "=" + value);
                }
            });
            out.add("@" + c.getAnnotation().annotationType().getSimpleName() + (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")"));
        }
        out.sort(null);
        return out;
    }

    /** The callbacks Hibernate registered, named by the methods carrying their annotations. */
    private static List<String> callbacksOf(Class<?> type, CallbackRegistry registry) {
        List<String> out = new ArrayList<>();
        for (CallbackType callback : CallbackType.values()) {
            if (!registry.hasRegisteredCallbacks(type, callback)) {
                continue;
            }
            List<String> methods = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(callback.getCallbackAnnotation())) {
                        methods.add(c.getSimpleName() + "." + m.getName() + "()");
                    }
                }
            }
            out.add("@" + callback.getCallbackAnnotation().getSimpleName() + " "
                    + (methods.isEmpty() ? "(an entity listener)" : String.join(", ", methods)));
        }
        return out;
    }

    private static EntityHierarchy hierarchy(EntityPersister persister) {
        EntityMappingType parent = persister.getSuperMappingType();
        if (parent == null && !persister.hasSubclasses()) {
            return null;
        }
        EntityMappingType root = persister.getRootEntityDescriptor();
        String strategy = persister instanceof SingleTableEntityPersister
                ? "SINGLE_TABLE: the whole hierarchy in one table, told apart by a discriminator column"
                : persister instanceof JoinedSubclassEntityPersister
                ? "JOINED: a table per class, a subclass row joined to its parent's by the id"
                : persister instanceof UnionSubclassEntityPersister
                ? "TABLE_PER_CLASS: a complete table per concrete class, queried with UNION ALL"
                : persister.getClass().getSimpleName();
        List<String> children = new ArrayList<>();
        persister.getSubMappingTypes().stream().filter(s -> s.getSuperMappingType() == persister)
                .forEach(s -> children.add(nameOf(s)));
        List<String> members = new ArrayList<>();
        members.add(nameOf(root) + " (" + tableOf(root.getEntityPersister()) + ")");
        root.getSubMappingTypes().forEach(s -> members.add(nameOf(s) + " ("
                + tableOf(s.getEntityPersister()) + ")" + (s.isAbstract() ? " abstract" : "")));
        children.sort(null);
        String column = persister.getDiscriminatorMapping() == null ? null
                : persister.getDiscriminatorMapping().getSelectionExpression();
        Object value = persister.getDiscriminatorValue();
        return new EntityHierarchy(strategy, nameOf(root),
                parent == null ? null : nameOf(parent), children, members,
                column, value == null ? null : String.valueOf(value));
    }

    /** The table of the persister's own columns ("hr.employee"; unqualified names are in public). */
    private static TableRef tableOf(EntityPersister persister) {
        String name = persister instanceof AbstractEntityPersister a ? a.getTableName() : persister.getEntityName();
        String[] parts = name.replace("\"", "").split("\\.");
        return parts.length >= 2 ? new TableRef(parts[parts.length - 2], parts[parts.length - 1])
                : new TableRef("public", parts[0]);
    }

    /** The JPA entity name (the class's simple name unless @Entity(name) says otherwise). */
    private static String nameOf(EntityMappingType type) {
        return type.getEntityPersister().getJpaEntityName();
    }
}
