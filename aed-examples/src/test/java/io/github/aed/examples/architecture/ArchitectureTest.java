package io.github.aed.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.github.aed.examples.architecture.cycle.Subpackage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seams of the whole product, checked on the main classes of every module (this module sees them all): no cycles
 * between packages, and the modules' layering (aed-examples → aed-nn → aed-detect → aed-core, aed-metrics → aed-core
 * only; core and metrics free of the deep-learning and native libraries).
 */
class ArchitectureTest {

    private static final String AED = "io.github.aed";

    /**
     * Every package is its own slice: {@code (**)} captures the whole package name after {@code io.github.aed.}, so
     * {@code detect} and {@code detect.coco} are two slices and a cycle between a package and its subpackage counts.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(AED + ".(**)").should().beFreeOfCycles();

    static final ArchRule CORE_DEPENDS_ON_NO_OTHER_MODULE_AND_NO_DEEP_LEARNING = noClasses()
            .that().resideInAPackage(AED + ".core..")
            .should().dependOnClassesThat().resideInAnyPackage(AED + ".detect..", AED + ".nn..", AED + ".metrics..",
                    AED + ".examples..", "org.deeplearning4j..", "org.nd4j..");

    static final ArchRule METRICS_DEPENDS_ONLY_ON_CORE_AND_NO_NATIVES = noClasses()
            .that().resideInAPackage(AED + ".metrics..")
            .should().dependOnClassesThat().resideInAnyPackage(AED + ".detect..", AED + ".nn..", AED + ".examples..",
                    AED + ".core.video..", AED + ".core.cube..", AED + ".core.scene..",
                    "org.bytedeco..", "org.nd4j..", "org.deeplearning4j..");

    static final ArchRule METRICS_DEPENDS_ON_NO_OTHER_AED_MODULE_THAN_CORE = noClasses()
            .that().resideInAPackage(AED + ".metrics..")
            .should().dependOnClassesThat().resideInAnyPackage(AED + ".detect..", AED + ".nn..", AED + ".examples..");

    static final ArchRule DETECT_DEPENDS_ON_NO_LATER_MODULE = noClasses()
            .that().resideInAPackage(AED + ".detect..")
            .should().dependOnClassesThat().resideInAnyPackage(AED + ".nn..", AED + ".metrics..", AED + ".examples..");

    static final ArchRule NN_DEPENDS_ON_NO_METRICS_OR_EXAMPLES = noClasses()
            .that().resideInAPackage(AED + ".nn..")
            .should().dependOnClassesThat().resideInAnyPackage(AED + ".metrics..", AED + ".examples..");

    /** A proxy task is written in the library's own terms; the network package translates its head into DL4J. */
    static final ArchRule TASKS_SPEAK_NO_DEEP_LEARNING_LIBRARY = noClasses()
            .that().resideInAPackage(AED + ".nn.task..")
            .should().dependOnClassesThat().resideInAnyPackage(AED + ".nn.network..", "org.deeplearning4j..", "org.nd4j..");

    private static JavaClasses product;

    @BeforeAll
    static void importMainClasses() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(AED);
        for (String oneOfEachModule : List.of("io.github.aed.core.geometry.Box", "io.github.aed.detect.ObjectDetector",
                "io.github.aed.nn.AnomalyDetector", "io.github.aed.metrics.Auc", "io.github.aed.examples.Main")) {
            assertTrue(product.contain(oneOfEachModule), "the import misses " + oneOfEachModule);
        }
        assertFalse(product.contain(ArchitectureTest.class), "test classes must not be imported");
    }

    @Test
    void noCyclesBetweenPackages() {
        NO_PACKAGE_CYCLES.check(product);
    }

    @Test
    void coreDependsOnNoOtherModuleAndNoDeepLearning() {
        CORE_DEPENDS_ON_NO_OTHER_MODULE_AND_NO_DEEP_LEARNING.check(product);
    }

    @Test
    void metricsDependsOnlyOnCoreAndNoNatives() {
        METRICS_DEPENDS_ONLY_ON_CORE_AND_NO_NATIVES.check(product);
        METRICS_DEPENDS_ON_NO_OTHER_AED_MODULE_THAN_CORE.check(product);
    }

    @Test
    void detectDependsOnNoLaterModule() {
        DETECT_DEPENDS_ON_NO_LATER_MODULE.check(product);
    }

    @Test
    void nnDependsOnNoMetricsOrExamples() {
        NN_DEPENDS_ON_NO_METRICS_OR_EXAMPLES.check(product);
    }

    @Test
    void tasksSpeakNoDeepLearningLibrary() {
        TASKS_SPEAK_NO_DEEP_LEARNING_LIBRARY.check(product);
    }

    /** The cycle rule sees a cycle between a package and its own subpackage (this package and {@code cycle}). */
    @Test
    void theCycleRuleCatchesAPackageAndItsSubpackage() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ParentPackage.class, Subpackage.class);
        assertTrue(NO_PACKAGE_CYCLES.evaluate(fixture).hasViolation(), "the fixture's cycle went unnoticed");
    }
}
