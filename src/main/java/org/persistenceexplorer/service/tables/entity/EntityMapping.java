package org.persistenceexplorer.service.tables.entity;

import jakarta.persistence.Entity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.persistenceexplorer.service.tables.TableRef;

/**
 * How one entity class maps to its table, read from the running Hibernate's mapping model (not
 * from the class's own annotations): the table (a SINGLE_TABLE subclass keeps its rows in its
 * root's), and each column-backed attribute, inherited ones included (from entity superclasses
 * and {@code @MappedSuperclass}es), with its column, whether the form may change it, and how its
 * text becomes a value. The id, the version, {@code @Formula} attributes, values a generator,
 * the database or a lifecycle callback fills, and columns mapped insertable/updatable = false are
 * read-only. Values are
 * read and written through Hibernate's own property access. Immutable; thread-safe.
 */
final class EntityMapping {

    private final Class<?> type;
    private final String entityName;
    private final TableRef table;
    private final Attribute id;
    private final List<Attribute> attributes = new ArrayList<>();

    private EntityMapping(EntityPersister persister) {
        this.type = persister.getMappedClass();
        this.entityName = persister.getJpaEntityName();
        this.table = tableOf(persister);
        EntityIdentifierMapping identifier = persister.getIdentifierMapping();
        this.id = new Attribute(identifier.getAttributeName(), columnsOf(identifier), false, false,
                identifier.getJavaType().getJavaTypeClass(), identifier::getIdentifier, null);
        String version = persister.getVersionMapping() == null ? null
                : persister.getVersionMapping().getVersionAttribute().getAttributeName();
        java.util.Set<String> stamped = stampedByCallbacks(persister);
        List<Attribute> rest = new ArrayList<>();
        persister.forEachAttributeMapping(a -> {
            Attribute attribute = attributeOf(a, version, stamped.contains(a.getAttributeName()));
            if (attribute != null) {
                rest.add(attribute);
            }
        });
        // Hibernate keeps attributes by name; the form lists them as the classes declare them.
        List<String> declared = declarationOrder(type);
        rest.sort(Comparator.comparingInt(a -> {
            int at = declared.indexOf(a.name());
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        attributes.add(id);
        attributes.addAll(rest);
    }

    /** The mapping of an entity class (a proxy's or a subclass's too) in this session factory. */
    static EntityMapping of(SessionFactory factory, Class<?> type) {
        return new EntityMapping(factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(type));
    }

    /**
     * The attributes the entity's lifecycle callbacks assign (an automatic timestamp): found by
     * running the registered pre-persist and pre-update callbacks on a new instance and seeing
     * which values they changed. The form leaves them to the callback, which would overwrite a
     * typed value before the statement anyway. Empty for an abstract class or when a callback
     * cannot run on an empty instance.
     */
    private static java.util.Set<String> stampedByCallbacks(EntityPersister persister) {
        Class<?> type = persister.getMappedClass();
        if (Modifier.isAbstract(type.getModifiers())) {
            return java.util.Set.of();
        }
        try {
            java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object scratch = constructor.newInstance();
            java.util.Map<String, Object> before = new java.util.HashMap<>();
            persister.forEachAttributeMapping(a -> before.put(a.getAttributeName(), a.getPropertyAccess().getGetter().get(scratch)));
            org.hibernate.jpa.event.spi.CallbackRegistry callbacks = persister.getFactory().getEventEngine().getCallbackRegistry();
            callbacks.preCreate(scratch);
            callbacks.preUpdate(scratch);
            java.util.Set<String> stamped = new java.util.HashSet<>();
            persister.forEachAttributeMapping(a -> {
                if (!java.util.Objects.equals(before.get(a.getAttributeName()), a.getPropertyAccess().getGetter().get(scratch))) {
                    stamped.add(a.getAttributeName());
                }
            });
            return stamped;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return java.util.Set.of();
        }
    }

    private static Attribute attributeOf(AttributeMapping a, String version, boolean stamped) {
        boolean writable = a.getAttributeMetadata().isInsertable() && a.getAttributeMetadata().isUpdatable();
        if (a instanceof ToOneAttributeMapping toOne) {
            if (toOne.getSideNature() != org.hibernate.metamodel.mapping.ForeignKeyDescriptor.Nature.KEY) {
                return null; // the inverse side of a one-to-one has no column here
            }
            List<String> columns = new ArrayList<>();
            toOne.getForeignKeyDescriptor().getKeyPart().forEachSelectable((i, s) -> columns.add(s.getSelectionExpression()));
            return new Attribute(a.getAttributeName(), String.join(", ", columns), writable && columns.size() == 1, true,
                    toOne.getEntityMappingType().getMappedJavaType().getJavaTypeClass(),
                    e -> a.getPropertyAccess().getGetter().get(e), a.getPropertyAccess().getSetter()::set);
        }
        if (!(a instanceof BasicValuedModelPart basic)) {
            return null; // collections and embeddables are not one column
        }
        boolean formula = basic.isFormula();
        boolean generated = a.getGenerator() != null;
        boolean editable = writable && !formula && !generated && !stamped && !a.getAttributeName().equals(version);
        String column = formula ? "(computed: @Formula)" : basic.getSelectionExpression();
        return new Attribute(a.getAttributeName(), column, editable, false, a.getJavaType().getJavaTypeClass(),
                e -> a.getPropertyAccess().getGetter().get(e), editable ? a.getPropertyAccess().getSetter()::set : null);
    }

    private static String columnsOf(EntityIdentifierMapping identifier) {
        List<String> columns = new ArrayList<>();
        identifier.forEachSelectable((i, s) -> columns.add(s.getSelectionExpression()));
        return String.join(", ", columns);
    }

    /** The table of the persister's own columns ("hr.employee"; unqualified names are in public). */
    private static TableRef tableOf(EntityPersister persister) {
        String name = persister instanceof AbstractEntityPersister a ? a.getTableName() : persister.getEntityName();
        String[] parts = name.replace("\"", "").split("\\.");
        return parts.length >= 2 ? new TableRef(parts[parts.length - 2], parts[parts.length - 1])
                : new TableRef("public", parts[0]);
    }

    /**
     * Field names in the order a reader expects: the entity classes from the hierarchy's root
     * down (a product's sku before a physical product's stock), then what mapped superclasses
     * add (the shop's timestamps last).
     */
    private static List<String> declarationOrder(Class<?> type) {
        List<Class<?>> entities = new ArrayList<>();
        List<Class<?>> others = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                entities.add(0, c);
            } else {
                others.add(c);
            }
        }
        List<String> names = new ArrayList<>();
        for (Class<?> c : concat(entities, others)) {
            Arrays.stream(c.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName)
                    .forEach(names::add);
        }
        return names;
    }

    private static List<Class<?>> concat(List<Class<?>> a, List<Class<?>> b) {
        List<Class<?>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    Class<?> type() {
        return type;
    }

    /** The JPA entity name, e.g. "PhysicalProduct". */
    String entityName() {
        return entityName;
    }

    boolean isAbstract() {
        return Modifier.isAbstract(type.getModifiers());
    }

    TableRef table() {
        return table;
    }

    /** The id first, then the other attributes in declaration order. */
    List<Attribute> attributes() {
        return attributes;
    }

    Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    Attribute id() {
        return id;
    }

    /** One column-backed attribute (a to-one association counts by its join column). */
    static final class Attribute {
        private final String name;
        private final String column;
        private final boolean editable;
        private final boolean toOne;
        private final Class<?> javaType;
        private final java.util.function.Function<Object, Object> getter;
        private final java.util.function.BiConsumer<Object, Object> setter;

        Attribute(String name, String column, boolean editable, boolean toOne, Class<?> javaType,
                  java.util.function.Function<Object, Object> getter, java.util.function.BiConsumer<Object, Object> setter) {
            this.name = name;
            this.column = column;
            this.editable = editable;
            this.toOne = toOne;
            this.javaType = javaType;
            this.getter = getter;
            this.setter = setter;
        }

        String name() {
            return name;
        }

        String column() {
            return column;
        }

        boolean editable() {
            return editable;
        }

        boolean toOne() {
            return toOne;
        }

        /** For a to-one: the target entity class. */
        Class<?> javaType() {
            return javaType;
        }

        String typeLabel() {
            return toOne ? "→ " + javaType.getSimpleName() + " (id)" : javaType.getSimpleName();
        }

        Object get(Object entity) {
            return getter.apply(entity);
        }

        void set(Object entity, Object value) {
            if (setter == null) {
                throw new IllegalStateException(name + " is read-only");
            }
            setter.accept(entity, value);
        }

        /**
         * The user's text as a value of the attribute's type (for a to-one: the target's id).
         *
         * @throws IllegalArgumentException with a message for the form when the text does not fit
         */
        Object parse(String text) {
            if (text == null || text.isBlank()) {
                if (javaType().isPrimitive()) {
                    throw new IllegalArgumentException("a value is required");
                }
                return javaType() == String.class && text != null ? text : null;
            }
            Class<?> t = toOne ? Long.class : javaType();
            String s = text.trim();
            try {
                if (t == String.class) {
                    return text;
                } else if (t == BigDecimal.class) {
                    return new BigDecimal(s);
                } else if (t == Long.class || t == long.class) {
                    return Long.valueOf(s);
                } else if (t == Integer.class || t == int.class) {
                    return Integer.valueOf(s);
                } else if (t == LocalDate.class) {
                    return LocalDate.parse(s);
                } else if (t == Instant.class) {
                    return OffsetDateTime.parse(s).toInstant();
                } else if (t == Boolean.class || t == boolean.class) {
                    return Boolean.valueOf(s);
                } else if (t.isEnum()) {
                    return enumValue(t, s);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number");
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date like 2024-03-31");
            }
            throw new IllegalArgumentException("values of type " + t.getSimpleName() + " cannot be edited here");
        }

        private static Object enumValue(Class<?> t, String s) {
            for (Object constant : t.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(s)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("'" + s + "' is not one of " + Arrays.stream(t.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList().toString().toLowerCase(Locale.ROOT).replace("[", "").replace("]", ""));
        }
    }
}
