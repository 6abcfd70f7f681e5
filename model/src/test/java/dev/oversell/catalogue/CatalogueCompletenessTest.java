package dev.oversell.catalogue;

import dev.oversell.model.Inventory;
import dev.oversell.model.reference.SequentialInventory;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueCompletenessTest {

    /** The specification is what variants are checked against, not a variant. */
    private static final Set<String> NOT_VARIANTS = Set.of(SequentialInventory.class.getName());

    @Test
    void everyInventoryClassIsListedInTheCatalogue() {
        List<String> variantClasses;
        try (ScanResult scan = new ClassGraph().enableClassInfo().acceptPackages("dev.oversell").scan()) {
            variantClasses = scan.getClassesImplementing(Inventory.class.getName()).stream()
                    .filter(info -> !info.isAbstract() && !info.isInterface())
                    .map(ClassInfo::getName)
                    .filter(name -> !NOT_VARIANTS.contains(name))
                    .sorted().toList();
        }
        Set<String> listed = Catalogue.all().stream().map(v -> v.type().getName()).collect(Collectors.toSet());

        assertThat(variantClasses).as("the scan must see the variants at all").isNotEmpty();
        assertThat(variantClasses)
                .as("every Inventory implementation must have an entry in Catalogue (one class plus one entry)")
                .allSatisfy(name -> assertThat(listed).contains(name));
    }

    @Test
    void namesAreUniqueAndEveryDeploymentHasAClaim() {
        assertThat(Catalogue.all()).extracting(Variant::name).doesNotHaveDuplicates();
        for (Variant variant : Catalogue.all()) {
            for (Deployment deployment : Deployment.values()) {
                assertThat(variant.claim(deployment)).as(variant + " / " + deployment).isNotNull();
            }
        }
    }
}
