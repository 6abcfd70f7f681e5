package dev.oversell.design;

import dev.oversell.model.reference.SequentialInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery through ServiceLoader: a run with nothing to judge, or two designs of one name, is an error. */
class DesignsTest {

    private final ClassLoader before = Thread.currentThread().getContextClassLoader();

    /** A second provider declaring a design named like one of {@link First}'s. */
    public static final class First implements DesignProvider {
        @Override
        public List<Design> designs() {
            return List.of(design("shop-lock"), design("shop-other"));
        }
    }

    public static final class Second implements DesignProvider {
        @Override
        public List<Design> designs() {
            return List.of(design("shop-lock"));
        }
    }

    public static final class Empty implements DesignProvider {
        @Override
        public List<Design> designs() {
            return List.of();
        }
    }

    static Design design(String name) {
        return InMemoryDesign.named(name).of(SequentialInventory.class, SequentialInventory::new)
                .runsOnCallerThread().claims(Claim.NEVER_OVERSELLS).mechanism("a lock").build();
    }

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(before);
        System.clearProperty(Designs.ONLY);
    }

    private void providers(Path dir, Class<?>... providers) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        StringBuilder names = new StringBuilder();
        for (Class<?> provider : providers) {
            names.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(DesignProvider.class.getName()), names);
        // a parent that sees this test's classes but none of the project's registrations
        ClassLoader classesOnly = new ClassLoader(before) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/") ? java.util.Collections.emptyEnumeration()
                        : super.getResources(name);
            }
        };
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[] {dir.toUri().toURL()}, classesOnly));
    }

    @Test
    void designsOfEveryProviderAreFound(@TempDir Path dir) throws IOException {
        providers(dir, First.class);
        assertThat(Designs.all()).extracting(Design::name).containsExactly("shop-lock", "shop-other");
        System.setProperty(Designs.ONLY, "shop-other");
        assertThat(Designs.inMemory()).extracting(Design::name).containsExactly("shop-other");
        assertThat(Designs.overStores()).isEmpty();
    }

    @Test
    void twoDesignsOfOneNameAreRefused(@TempDir Path dir) throws IOException {
        providers(dir, First.class, Second.class);
        assertThatThrownBy(Designs::all).hasMessageContaining("two designs are named 'shop-lock'")
                .hasMessageContaining(First.class.getName()).hasMessageContaining(Second.class.getName());
    }

    @Test
    void nothingToJudgeIsAnErrorNotAPass(@TempDir Path dir) throws IOException {
        providers(dir);
        assertThatThrownBy(Designs::all).hasMessageContaining("no dev.oversell.design.DesignProvider is registered");
        providers(dir, Empty.class);
        assertThatThrownBy(Designs::all).hasMessageContaining("declare none");
    }

    @Test
    void aNarrowingThatNamesNoDesignFails(@TempDir Path dir) throws IOException {
        providers(dir, First.class);
        System.setProperty(Designs.ONLY, "shop-typo");
        assertThatThrownBy(Designs::selected).hasMessageContaining("no design named 'shop-typo'")
                .hasMessageContaining("shop-lock");
    }
}
