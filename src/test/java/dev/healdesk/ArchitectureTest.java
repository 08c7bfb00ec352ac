package dev.healdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.healdesk.app.fx.FxBridge;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The house rules that a test, not hope, keeps: a plain-Java core and one way onto the FX thread. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.healdesk");
    }

    @Test
    void theCoreUsesNoJavaFx() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.healdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .because("the core is plain Java: the console and the CLI are two thin front ends over it");
        rule.check(classes);
    }

    @Test
    void theCoreKnowsNoFrontEnd() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.healdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.healdesk.app..", "dev.healdesk.cli..");
        rule.check(classes);
    }

    @Test
    void onlyTheBridgeHandsWorkToTheFxThread() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(FxBridge.class.getName())
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("core results reach the FX thread through FxBridge only, which logs their failures");
        rule.check(classes);
    }

    @Test
    void viewModelsNeverSeeAControl() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "atlantafx..", "org.controlsfx..")
                .because("view models expose properties and commands; views own the controls");
        rule.check(classes);
    }

    @Test
    void thePackagesOfTheCoreFormNoCycle() {
        slices().matching("dev.healdesk.core.(*)..").should().beFreeOfCycles()
                .because("imports point down the list of ARCHITECTURE.md: process, redact, run, triage, ... session")
                .check(classes);
    }

    @Test
    void theTopLevelPackagesFormNoCycle() {
        slices().matching("dev.healdesk.(*)..").should().beFreeOfCycles()
                .because("the console and the CLI are two front ends over the core; neither imports the other")
                .check(classes);
    }

    @Test
    void theFrontEndsNeverImportEachOther() {
        noClasses().that().resideInAPackage("dev.healdesk.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.healdesk.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.healdesk.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.healdesk.cli..")
                .check(classes);
    }
}
