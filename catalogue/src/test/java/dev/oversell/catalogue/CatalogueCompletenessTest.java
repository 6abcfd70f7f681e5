package dev.oversell.catalogue;

import dev.oversell.design.Claim;
import dev.oversell.design.ClusterDesign;
import dev.oversell.design.Design;
import dev.oversell.model.Inventory;
import dev.oversell.model.reference.SequentialInventory;
import dev.oversell.script.PurchaseScript;
import dev.oversell.store.TransactionalInventory;
import dev.oversell.store.owner.OwnedReadModifyWrite;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueCompletenessTest {

    /**
     * The specification is what designs are checked against, the transactional inventory is the runner of
     * every database design's {@link PurchaseScript}, and the owner's script is a part of the single-owner
     * design (listed under its own class); none is a design of its own.
     */
    private static final Set<String> NOT_VARIANTS = Set.of(SequentialInventory.class.getName(),
            TransactionalInventory.class.getName(), OwnedReadModifyWrite.class.getName());

    @Test
    void everyInventoryClassIsListedInTheCatalogue() {
        List<String> variantClasses;
        try (ScanResult scan = new ClassGraph().enableClassInfo().acceptPackages("dev.oversell").scan()) {
            variantClasses = scan.getClassesImplementing(Inventory.class.getName())
                    .union(scan.getClassesImplementing(PurchaseScript.class.getName())).stream()
                    .filter(info -> !info.isAbstract() && !info.isInterface())
                    .map(ClassInfo::getName)
                    .filter(name -> !NOT_VARIANTS.contains(name))
                    .sorted().toList();
        }
        Set<String> listed = Catalogue.all().stream().map(v -> v.type().getName()).collect(Collectors.toSet());

        assertThat(variantClasses).as("the scan must see the designs at all").isNotEmpty();
        assertThat(variantClasses)
                .as("every Inventory and PurchaseScript implementation must have an entry in Catalogue"
                        + " (one class plus one entry)")
                .allSatisfy(name -> assertThat(listed).contains(name));
    }

    @Test
    void namesAreUnique() {
        assertThat(Stream.concat(Catalogue.all().stream().map(Design::name),
                Catalogue.clustered().stream().map(ClusterDesign::name)).toList()).doesNotHaveDuplicates();
    }

    /**
     * A cluster design is measured by the module that starts its cluster, which this module cannot see: each must
     * name a class of that module and claim something on some engine; the cluster check fails if a declared
     * design is one it does not run, and the judge if one was measured nowhere.
     */
    @Test
    void everyClusterDesignNamesItsImplementationAndClaimsSomething() {
        assertThat(Catalogue.clustered()).isNotEmpty().allSatisfy(design -> {
            assertThat(design.implementation()).startsWith("dev.oversell.cluster.");
            assertThat(design.claims().values()).anyMatch(c -> c != Claim.NOT_APPLICABLE);
        });
        assertThat(new Catalogue().clusterDesigns()).isEqualTo(Catalogue.clustered());
    }
}
