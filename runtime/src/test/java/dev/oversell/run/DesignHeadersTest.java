package dev.oversell.run;

import dev.oversell.run.DesignHeaders.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DesignHeadersTest {

    private static final String SOURCE = """
            package com.example;

            /**
             * Why it holds: the author's prose.
             */
            public final class Counter {
            }
            """;
    private static final Map<String, List<Entry>> DECLARED = Map.of("com.example.Counter",
            List.of(new Entry("counter", "never oversells in one instance", "mvn verify -Dtest=X")));

    @Test
    void aFileWithoutItsHeaderIsStaleAndWritingAddsItAtTheCommentsEnd(@TempDir Path sources) throws IOException {
        Path file = write(sources, SOURCE);

        assertThat(DesignHeaders.check(sources, DECLARED, false)).singleElement().asString()
                .contains("com/example/Counter.java").contains("[counter]");
        assertThat(Files.readString(file)).isEqualTo(SOURCE);

        assertThat(DesignHeaders.check(sources, DECLARED, true)).hasSize(1);
        assertThat(Files.readString(file)).contains("""
                 * Why it holds: the author's prose.
                 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
                 * <p><b>Claims</b> ({@code counter}): never oversells in one instance.
                 * <p><b>See it</b>: {@code mvn verify -Dtest=X}
                 * <!-- /produced -->
                 */
                public final class Counter {""");
        assertThat(DesignHeaders.check(sources, DECLARED, false)).isEmpty();
    }

    @Test
    void aClaimChangedInTheDeclarationMakesTheWrittenHeaderStale(@TempDir Path sources) throws IOException {
        Path file = write(sources, SOURCE);
        DesignHeaders.check(sources, DECLARED, true);
        Map<String, List<Entry>> changed = Map.of("com.example.Counter",
                List.of(new Entry("counter", "may oversell in one instance", "mvn verify -Dtest=X")));

        assertThat(DesignHeaders.check(sources, changed, false)).hasSize(1);
        DesignHeaders.check(sources, changed, true);

        assertThat(Files.readString(file)).contains("({@code counter}): may oversell in one instance.")
                .doesNotContain("never oversells");
    }

    @Test
    void aHandEditInsideTheMarkersIsStale(@TempDir Path sources) throws IOException {
        Path file = write(sources, SOURCE);
        DesignHeaders.check(sources, DECLARED, true);
        Files.writeString(file, Files.readString(file).replace("never oversells", "never, ever oversells"));

        assertThat(DesignHeaders.check(sources, DECLARED, false)).hasSize(1);
    }

    @Test
    void longLinesAreBrokenAtSpacesWithinTheWidth() {
        String claim = "in one instance, never oversells on every engine. With several instances sharing the"
                + " database, may oversell on H2, PostgreSQL and MariaDB; never oversells on MariaDB with snapshot"
                + " isolation";
        List<String> block = DesignHeaders.block(List.of(new Entry("d", claim, "mvn -q verify")));

        assertThat(block).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(String.join(" ", block.subList(1, block.size() - 2)).replace(" * ", " "))
                .contains("MariaDB with snapshot isolation.");
    }

    @Test
    void aFileWithoutAClassCommentIsAnError(@TempDir Path sources) throws IOException {
        write(sources, "package com.example;\n\npublic final class Counter {\n}\n");

        assertThatThrownBy(() -> DesignHeaders.check(sources, DECLARED, false))
                .hasMessageContaining("no class comment right above 'Counter'");
    }

    private static Path write(Path sources, String text) throws IOException {
        Path file = sources.resolve("com/example/Counter.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
