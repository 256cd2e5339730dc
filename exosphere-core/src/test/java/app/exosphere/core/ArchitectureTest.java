package app.exosphere.core;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package layering of exosphere-core, as CONTRIBUTING.md ("Layout") states it: no package cycles, every
 * dependency points down the layer order, and the pure rules do no I/O.
 */
class ArchitectureTest {

    private static final String CORE = "app.exosphere.core";

    /**
     * The layers, bottom first, as package names under {@code app.exosphere.core} ({@code (root)} is
     * {@code app.exosphere.core} itself). A package may depend on its own layer and the layers before it.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("error"),
            List.of("internal.json"),
            List.of("http"),
            List.of("auth"),
            List.of("config"),
            List.of("internal.calls"),
            List.of("internal"),
            List.of("placement"),
            List.of("quota"),
            List.of("compute", "image", "network", "volume", "share", "dns", "accounting"),
            List.of("rules"),
            List.of("(root)"),
            List.of("instance"));

    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("app.exosphere.(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(CORE_CLASSES);
    }

    @Test
    void corePackagesDependOnlyOnTheirOwnLayerAndTheLayersBelow() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> layer : LAYERS) {
            architecture = architecture
                    .layer(name(layer))
                    .definedBy(layer.stream().map(ArchitectureTest::fullName).toArray(String[]::new));
        }
        architecture = architecture.whereLayer(name(LAYERS.get(0))).mayNotAccessAnyLayer();
        for (int i = 1; i < LAYERS.size(); i++) {
            String[] below =
                    LAYERS.subList(0, i).stream().map(ArchitectureTest::name).toArray(String[]::new);
            architecture = architecture.whereLayer(name(LAYERS.get(i))).mayOnlyAccessLayers(below);
        }
        architecture.check(CORE_CLASSES);
    }

    @Test
    void everyCorePackageHasAPlaceInTheLayerOrder() {
        Set<String> layered = LAYERS.stream()
                .flatMap(List::stream)
                .map(ArchitectureTest::fullName)
                .collect(Collectors.toSet());
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : CORE_CLASSES) {
            packages.add(c.getPackageName());
        }
        assertThat(layered).containsAll(packages);
    }

    @Test
    void rulesDoNoIo() {
        noClasses()
                .that()
                .resideInAPackage(CORE + ".rules")
                .should()
                .dependOnClassesThat(or(
                        resideInAnyPackage(
                                CORE,
                                CORE + ".http..",
                                CORE + ".internal..",
                                CORE + ".page..",
                                "okhttp3..",
                                "java.net..",
                                "java.nio.channels..",
                                "java.nio.file..",
                                "java.util.concurrent.."),
                        simpleNameEndingWith("Client"),
                        simpleNameEndingWith("Api")))
                .because("the rules are pure functions over values; the instance package applies them to the cloud")
                .check(CORE_CLASSES);
    }

    @Test
    void contributingGuideStatesTheLayerOrderThisTestEnforces() throws IOException {
        String guide = Files.readString(Path.of("..", "CONTRIBUTING.md"));
        Matcher item = Pattern.compile("(?m)^\\s+\\d+\\. (.+?) — ").matcher(guide);
        Pattern name = Pattern.compile("`([^`]+)`");
        List<List<String>> stated = new ArrayList<>();
        while (item.find()) {
            Matcher n = name.matcher(item.group(1));
            List<String> layer = new ArrayList<>();
            while (n.find()) {
                layer.add(n.group(1));
            }
            stated.add(layer);
        }
        assertThat(stated).isEqualTo(LAYERS);
    }

    private static String name(List<String> layer) {
        return String.join(", ", layer);
    }

    private static String fullName(String shortName) {
        return shortName.equals("(root)") ? CORE : CORE + "." + shortName;
    }
}
