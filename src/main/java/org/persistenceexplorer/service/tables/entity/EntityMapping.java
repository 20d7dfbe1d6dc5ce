package org.persistenceexplorer.service.tables.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Generated;
import org.persistenceexplorer.service.tables.TableRef;

/**
 * How one entity class maps to its table, read from its JPA annotations: the table, and for
 * each column-backed attribute its column, whether the form may change it, and how its text
 * becomes a value. Immutable; thread-safe.
 */
final class EntityMapping {

    private final Class<?> type;
    private final TableRef table;
    private final List<Attribute> attributes = new ArrayList<>();

    private EntityMapping(Class<?> type) {
        this.type = type;
        Table t = type.getAnnotation(Table.class);
        this.table = new TableRef(t == null || t.schema().isEmpty() ? "public" : t.schema(),
                t == null || t.name().isEmpty() ? type.getSimpleName().toLowerCase(java.util.Locale.ROOT) : t.name());
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            boolean toOne = field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class);
            JoinColumn join = field.getAnnotation(JoinColumn.class);
            if (toOne && join != null) {
                field.setAccessible(true);
                attributes.add(new Attribute(field, join.name(), true, true));
            } else if (!toOne && !java.util.Collection.class.isAssignableFrom(field.getType())) {
                Column column = field.getAnnotation(Column.class);
                String name = column == null || column.name().isEmpty() ? field.getName() : column.name();
                boolean editable = !field.isAnnotationPresent(Id.class) && !field.isAnnotationPresent(Version.class)
                        && !field.isAnnotationPresent(Generated.class) && !field.isAnnotationPresent(GeneratedValue.class)
                        && (column == null || (column.updatable() && column.insertable()));
                field.setAccessible(true);
                attributes.add(new Attribute(field, name, editable, false));
            }
        }
    }

    static EntityMapping of(Class<?> type) {
        return new EntityMapping(type);
    }

    Class<?> type() {
        return type;
    }

    TableRef table() {
        return table;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    Attribute id() {
        return attributes.stream().filter(a -> a.field.isAnnotationPresent(Id.class)).findFirst().orElseThrow();
    }

    /** One column-backed attribute (a to-one association counts by its join column). */
    static final class Attribute {
        private final Field field;
        private final String column;
        private final boolean editable;
        private final boolean toOne;

        Attribute(Field field, String column, boolean editable, boolean toOne) {
            this.field = field;
            this.column = column;
            this.editable = editable;
            this.toOne = toOne;
        }

        String name() {
            return field.getName();
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

        Class<?> javaType() {
            return field.getType();
        }

        String typeLabel() {
            return toOne ? "→ " + field.getType().getSimpleName() + " (id)" : field.getType().getSimpleName();
        }

        Object get(Object entity) {
            try {
                return field.get(entity);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        void set(Object entity, Object value) {
            try {
                field.set(entity, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
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
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number");
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date like 2024-03-31");
            }
            throw new IllegalArgumentException("values of type " + t.getSimpleName() + " cannot be edited here");
        }
    }
}
