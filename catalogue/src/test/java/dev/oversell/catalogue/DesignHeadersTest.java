package dev.oversell.catalogue;

import dev.oversell.design.ClaimWords;
import dev.oversell.design.ClusterDesign;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Design;
import dev.oversell.design.Designs;
import dev.oversell.run.DesignHeaders;
import dev.oversell.run.DesignHeaders.Entry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each design's source file shows the claim the catalogue declares for it and the command that shows its verdict,
 * written from the catalogue ({@link DesignHeaders}); a claim changed in the catalogue and not in the file, or the
 * other way round, fails here. {@code -Doversell.headers.write=true} writes the headers.
 */
class DesignHeadersTest {

    private static final String WRITE_THEM = DesignHeaders.command("catalogue", "DesignHeadersTest",
            DesignHeaders.WRITE + "=true");

    @Test
    void everyDesignFileShowsWhatTheCatalogueDeclares() throws IOException {
        boolean write = Boolean.getBoolean(DesignHeaders.WRITE);
        Map<String, List<Entry>> designs = new LinkedHashMap<>();
        for (Design variant : Catalogue.all()) {
            designs.computeIfAbsent(variant.type().getName(), t -> new ArrayList<>()).add(entry(variant));
        }
        List<String> stale = new ArrayList<>(DesignHeaders.check(Path.of("src/main/java"), designs, write));

        Map<String, List<Entry>> clustered = new LinkedHashMap<>();
        for (ClusterDesign design : Catalogue.clustered()) {
            clustered.computeIfAbsent(design.implementation(), t -> new ArrayList<>()).add(new Entry(design.name(),
                    ClaimWords.of(design), DesignHeaders.command("cluster", "ShardedOwnerFaultsTest",
                    "oversell.engines=postgresql")));
        }
        stale.addAll(DesignHeaders.check(Path.of("../cluster/src/main/java"), clustered, write));

        if (write) {
            stale.forEach(file -> System.out.println("[oversell] header written: " + file));
            return;
        }
        assertThat(stale).as("design files whose claim or command is not the catalogue's; " + WRITE_THEM
                + " writes them").isEmpty();
    }

    private static Entry entry(Design variant) {
        if (variant instanceof InMemoryDesign design) {
            return new Entry(design.name(), ClaimWords.of(design), DesignHeaders.command("properties",
                    "BuiltInLincheckTest", Designs.ONLY + "=" + design.name()));
        }
        DatabaseDesign design = (DatabaseDesign) variant;
        return new Entry(design.name(), ClaimWords.of(design), DesignHeaders.command("properties",
                "BuiltInDatabaseTest", "oversell.engines=h2", Designs.ONLY + "=" + design.name()));
    }
}
