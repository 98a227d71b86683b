package io.idcardstream.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package picture of DESIGN.md true: who may import what. */
class PackageRulesTest {
    private static final String BASE = "io.idcardstream.";
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.idcardstream");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    private static String[] ours(String... packages) {
        String[] names = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            names[i] = BASE + packages[i] + "..";
        }
        return names;
    }

    @Test
    void shouldKeepIdentityFreeOfOtherProjectPackages() {
        check(noClasses().that().resideInAPackage(BASE + "identity..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("app", "config", "events", "serde", "worker", "ocr", "fetch", "engine", "server",
                                "assembly")));
    }

    @Test
    void shouldKeepFetchFreeOfOtherProjectPackages() {
        check(noClasses().that().resideInAPackage(BASE + "fetch..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("app", "config", "events", "serde", "worker", "ocr", "engine", "server", "identity")));
    }

    @Test
    void shouldLetOcrDependOnIdentityOnly() {
        check(noClasses().that().resideInAPackage(BASE + "ocr..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("app", "config", "events", "serde", "worker", "fetch", "engine", "server")));
    }

    @Test
    void shouldKeepTheTencentSdkInsideItsAdapter() {
        check(noClasses().that().resideOutsideOfPackage(BASE + "ocr.tencent..")
                .should().dependOnClassesThat().resideInAPackage("com.tencentcloudapi.."));
    }

    @Test
    void shouldKeepOnnxRuntimeInsideTheEngine() {
        check(noClasses().that().resideOutsideOfPackage(BASE + "engine..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime.."));
    }

    @Test
    void shouldKeepTheEngineAwayFromKafkaServingAndConfig() {
        check(noClasses().that().resideInAPackage(BASE + "engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("app", "config", "events", "serde", "worker", "server")));
    }

    @Test
    void shouldLetTheServerUseARecognizerButNotTheEngine() {
        check(noClasses().that().resideInAPackage(BASE + "server..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("app", "events", "serde", "worker", "engine")));
    }

    @Test
    void shouldKeepSerdeIndependentOfOcrAndWorker() {
        check(noClasses().that().resideInAPackage(BASE + "serde..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("app", "config", "worker", "ocr", "fetch", "engine", "identity", "server")));
    }

    @Test
    void shouldKeepTheWorkerAwayFromEngineServerAndApp() {
        check(noClasses().that().resideInAPackage(BASE + "worker..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("app", "engine", "server", "fetch")));
    }

    @Test
    void shouldKeepBrokerClassesInTheDemo() {
        check(noClasses().that().resideOutsideOfPackage(BASE + "app.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("kafka.server..", "kafka.tools.."));
    }

    @Test
    void shouldKeepOpsFreeOfProjectPackages() {
        check(noClasses().that().resideInAPackage(BASE + "ops..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("app", "config", "events", "serde",
                        "worker", "ocr", "fetch", "engine", "identity", "server")));
    }

    @Test
    void shouldKeepAssemblyToEventsIdentityAndKafkaStreams() {
        check(noClasses().that().resideInAPackage(BASE + "assembly..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("app", "config", "serde", "worker", "ocr", "fetch", "engine", "server", "ops")));
    }

    @Test
    void shouldKeepTheWorkerIndependentOfAssembly() {
        check(noClasses().that().resideInAPackage(BASE + "worker..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("assembly")));
    }

    @Test
    void shouldKeepConfigFreeOfProjectPackages() {
        check(noClasses().that().resideInAPackage(BASE + "config..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("app", "events", "serde", "worker", "ocr", "fetch", "engine", "identity", "server", "ops")));
    }
}
