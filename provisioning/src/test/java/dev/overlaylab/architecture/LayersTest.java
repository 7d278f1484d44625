package dev.overlaylab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's layers, bottom to top, each using only the ones below it (docs/engine.md draws
 * them). A class in a package that is in no layer fails {@link #everyPackageIsInALayer}, so a new
 * package is placed on purpose, not by accident.
 *
 * <pre>
 *   cli                      the olab commands (the app sits beside it, in its own module)
 *   compose                  the composition root: the real parts put together once
 *   engine                   stages, steps, pipelines, plan/apply
 *   diagnose                 rules over observations and the matrix
 *   verify                   the matrix of checks
 *   provider                 local / hosts / virtualbox: nodes exist and answer SSH
 *   etcd   render            the network config store; FreeMarker files per node
 *   ssh                      sshj shells, keys, known_hosts
 *   model net exec progress node  the lab file; IPv4, subnet.env; the command runner; progress; on-node layout
 * </pre>
 */
class LayersTest {
    private static final String BASE = "dev.overlaylab";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        // an empty import would pass every rule below
        assertThat(classes.size()).as("main classes imported").isGreaterThan(200);
    }

    private static String pkg(String name) {
        return BASE + "." + name + "..";
    }

    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Foundation").definedBy(pkg("model"), pkg("net"), pkg("exec"), pkg("progress"), pkg("node"))
                .layer("Ssh").definedBy(pkg("ssh"))
                .layer("Etcd").definedBy(pkg("etcd"))
                .layer("Render").definedBy(pkg("render"))
                .layer("Providers").definedBy(pkg("provider"))
                .layer("Verify").definedBy(pkg("verify"))
                .layer("Diagnose").definedBy(pkg("diagnose"))
                .layer("Engine").definedBy(pkg("engine"))
                .layer("Compose").definedBy(pkg("compose"))
                .layer("Cli").definedBy(pkg("cli"))
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Compose").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Compose", "Cli")
                .whereLayer("Diagnose").mayOnlyBeAccessedByLayers("Engine", "Compose", "Cli")
                .whereLayer("Verify").mayOnlyBeAccessedByLayers("Diagnose", "Engine", "Compose", "Cli")
                .whereLayer("Providers").mayOnlyBeAccessedByLayers("Verify", "Diagnose", "Engine", "Compose", "Cli")
                .whereLayer("Etcd").mayOnlyBeAccessedByLayers("Providers", "Verify", "Diagnose", "Engine", "Compose", "Cli")
                .whereLayer("Render").mayOnlyBeAccessedByLayers("Providers", "Verify", "Diagnose", "Engine", "Compose", "Cli")
                .whereLayer("Ssh").mayOnlyBeAccessedByLayers(
                        "Etcd", "Render", "Providers", "Verify", "Diagnose", "Engine", "Compose", "Cli");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layers().check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyPackageIsInALayer() {
        classes().should().resideInAnyPackage(pkg("model"), pkg("net"), pkg("exec"), pkg("progress"), pkg("node"), pkg("ssh"),
                        pkg("etcd"), pkg("render"), pkg("provider"), pkg("verify"), pkg("diagnose"), pkg("engine"),
                        pkg("compose"), pkg("cli"))
                .check(classes);
    }
}
