package org.persistenceexplorer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows one way: ui -> service -> store, domain used by all, app on top. So nobody
 * has to police them by hand (see docs/ARCHITECTURE.md).
 */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.persistenceexplorer");
    }

    @Test
    void serviceStoreAndDomainNeverUseJavaFx() {
        noClasses().that().resideInAnyPackage("..service..", "..store..", "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void uiNeverReachesTheStoreDirectly() {
        noClasses().that().resideInAPackage("org.persistenceexplorer.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.persistenceexplorer.store..")
                .check(classes);
    }

    @Test
    void publicServiceMethodsNeitherReturnNorTakeStoreTypes() {
        ServiceSignatures.RULE.check(classes);
    }

    @Test
    void theSignatureRuleCatchesAStoreTypeInAPublicServiceMethod() {
        JavaClasses leaking = new ClassFileImporter().importClasses(
                org.persistenceexplorer.service.fixture.LeakingService.class);
        assertThatThrownBy(() -> ServiceSignatures.RULE.check(leaking))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("gateway()")
                .hasMessageContaining("record(")
                .hasMessageNotContaining("harmless(");
    }

    @Test
    void serviceDoesNotDependOnUiOrApp() {
        noClasses().that().resideInAPackage("org.persistenceexplorer.service..")
                .should().dependOnClassesThat().resideInAnyPackage("org.persistenceexplorer.ui..", "org.persistenceexplorer.app..")
                .check(classes);
    }

    @Test
    void storeDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("org.persistenceexplorer.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.persistenceexplorer.service..",
                        "org.persistenceexplorer.ui..", "org.persistenceexplorer.app..")
                .check(classes);
    }

    @Test
    void domainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("org.persistenceexplorer.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.persistenceexplorer.service..",
                        "org.persistenceexplorer.ui..", "org.persistenceexplorer.app..", "org.persistenceexplorer.store..")
                .check(classes);
    }

    @Test
    void onlyTheAppBuildsTheWholeThing() {
        noClasses().that().resideOutsideOfPackage("org.persistenceexplorer.app..")
                .should().dependOnClassesThat().resideInAPackage("org.persistenceexplorer.app..")
                .check(classes);
    }
}
