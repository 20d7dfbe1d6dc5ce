package org.persistenceexplorer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule behind "nothing of store.* crosses into ui": a public method of a public service
 * class may neither return nor take a store type, generic arguments included. Importing rules
 * alone miss this (a view-model calling {@code engine.gateway().read(...)} imports nothing of
 * the store). Constructors are exempt: only the composition root calls them.
 */
final class ServiceSignatures {

    private static final String STORE = "org.persistenceexplorer.store";

    static final ArchRule RULE = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("org.persistenceexplorer.service..")
            .and().areDeclaredInClassesThat().arePublic()
            .and(new DescribedPredicate<JavaMethod>("are not synthetic") {
                @Override
                public boolean test(JavaMethod method) {
                    return !method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.SYNTHETIC)
                            && !method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.BRIDGE);
                }
            })
            .should(new ArchCondition<JavaMethod>("neither return nor take a type of " + STORE) {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    List<String> leaks = new ArrayList<>();
                    collect(method.getReturnType(), "returns", leaks);
                    method.getParameterTypes().forEach(type -> collect(type, "takes", leaks));
                    for (String leak : leaks) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " " + leak));
                    }
                }
            })
            .allowEmptyShould(true);

    private ServiceSignatures() {
    }

    private static void collect(JavaType type, String how, List<String> leaks) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (raw.getPackageName().startsWith(STORE)) {
                leaks.add(how + " " + raw.getName());
            }
        }
    }
}
