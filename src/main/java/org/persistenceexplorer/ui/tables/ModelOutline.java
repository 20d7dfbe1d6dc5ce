package org.persistenceexplorer.ui.tables;

import java.util.ArrayList;
import java.util.List;
import org.persistenceexplorer.service.tables.entity.EntityHierarchy;
import org.persistenceexplorer.service.tables.entity.EntityModel;
import org.persistenceexplorer.service.tables.entity.ModelAttribute;

/** The entity-model panel's lines for one entity: sections, entries and their details, in the user's words. */
final class ModelOutline {

    private ModelOutline() {
    }

    static List<ModelLine> of(EntityModel model) {
        List<ModelLine> lines = new ArrayList<>();
        lines.add(new ModelLine(0, "Entity " + model.entityName()));
        lines.add(new ModelLine(1, "class " + model.className()));
        lines.add(new ModelLine(1, "table " + model.table()));
        lines.add(new ModelLine(1, "id attribute " + model.idAttribute() + " · " + model.idGeneration()));
        lines.add(new ModelLine(1, model.versionAttribute() == null ? "not versioned: no optimistic lock"
                : "version attribute " + model.versionAttribute() + " · optimistic lock: every UPDATE adds \"and "
                + model.versionAttribute() + "=?\""));
        lines.add(new ModelLine(1, model.dynamicUpdate() ? "dynamic update: an UPDATE names only the changed columns"
                : "static update: an UPDATE names every updatable column"));
        if (model.dynamicInsert()) {
            lines.add(new ModelLine(1, "dynamic insert: an INSERT names only the non-null columns"));
        }
        EntityHierarchy h = model.hierarchy();
        if (h != null) {
            lines.add(new ModelLine(0, "Inheritance"));
            lines.add(new ModelLine(1, h.strategy()));
            lines.add(new ModelLine(1, "root " + h.root() + (h.parent() == null ? "" : ", parent " + h.parent())
                    + (h.children().isEmpty() ? "" : ", children " + String.join(", ", h.children()))));
            if (h.discriminatorColumn() != null) {
                lines.add(new ModelLine(1, "discriminator column " + h.discriminatorColumn()
                        + (h.discriminatorValue() == null ? "" : ", this entity's value " + h.discriminatorValue())));
            }
            h.members().forEach(m -> lines.add(new ModelLine(2, m)));
        }
        List<ModelAttribute> relationships = model.relationships();
        if (!relationships.isEmpty()) {
            lines.add(new ModelLine(0, "Relationships"));
            for (ModelAttribute a : relationships) {
                lines.add(new ModelLine(1, a.name() + " → " + (a.target() == null ? a.javaType() : a.target()) + "   "
                        + a.relationship()));
                lines.add(new ModelLine(2, a.side() + ", " + a.mapping()));
                lines.add(new ModelLine(2, "fetch " + a.fetch() + ", cascade " + (a.cascade().isEmpty() ? "none"
                        : String.join(", ", a.cascade())) + (a.orphanRemoval() ? ", orphan removal" : "")));
            }
        }
        lines.add(new ModelLine(0, "Attributes"));
        for (ModelAttribute a : model.attributes()) {
            if (a.relationship() != null) {
                continue;
            }
            lines.add(new ModelLine(1, a.name() + " : " + a.javaType() + "   " + a.kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + (a.declaredBy().equals(simpleClass(model)) ? "" : "   (from " + a.declaredBy() + ")")));
            lines.add(new ModelLine(2, a.mapping()));
            if (a.converter() != null) {
                lines.add(new ModelLine(2, "converter " + a.converter()));
            }
            if (a.generated() != null) {
                lines.add(new ModelLine(2, "generated " + a.generated()));
            }
            if (a.fetch() != null) {
                lines.add(new ModelLine(2, "fetch " + a.fetch()));
            }
            if (!a.constraints().isEmpty()) {
                lines.add(new ModelLine(2, "validation " + String.join(" ", a.constraints())));
            }
        }
        lines.add(new ModelLine(0, "Lifecycle callbacks"));
        if (model.callbacks().isEmpty()) {
            lines.add(new ModelLine(1, "none"));
        }
        model.callbacks().forEach(c -> lines.add(new ModelLine(1, c)));
        return lines;
    }

    private static String simpleClass(EntityModel model) {
        return model.className().substring(model.className().lastIndexOf('.') + 1).replace('$', '.')
                .replaceAll("^.*\\.", "");
    }
}
