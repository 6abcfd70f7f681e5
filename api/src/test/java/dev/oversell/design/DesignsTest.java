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
class VariantsTest {

    private final ClassLoader before = Thread.currentThread().getContextClassLoader();

    /** A second provider declaring a design named like one of {@link First}'s. */
    public static final class First implements VariantProvider {
        @Override
        public List<Variant> variants() {
            return List.of(design("shop-lock"), design("shop-other"));
        }
    }

    public static final class Second implements VariantProvider {
        @Override
        public List<Variant> variants() {
            return List.of(design("shop-lock"));
        }
    }

    public static final class Empty implements VariantProvider {
        @Override
        public List<Variant> variants() {
            return List.of();
        }
    }

    static Variant design(String name) {
        return InMemoryVariant.named(name).of(SequentialInventory.class, SequentialInventory::new)
                .runsOnCallerThread().claims(Claim.NEVER_OVERSELLS).mechanism("a lock").build();
    }

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(before);
        System.clearProperty(Variants.ONLY);
    }

    private void providers(Path dir, Class<?>... providers) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        StringBuilder names = new StringBuilder();
        for (Class<?> provider : providers) {
            names.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(VariantProvider.class.getName()), names);
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
        assertThat(Variants.all()).extracting(Variant::name).containsExactly("shop-lock", "shop-other");
        System.setProperty(Variants.ONLY, "shop-other");
        assertThat(Variants.inMemory()).extracting(Variant::name).containsExactly("shop-other");
        assertThat(Variants.overStores()).isEmpty();
    }

    @Test
    void twoDesignsOfOneNameAreRefused(@TempDir Path dir) throws IOException {
        providers(dir, First.class, Second.class);
        assertThatThrownBy(Variants::all).hasMessageContaining("two designs are named 'shop-lock'")
                .hasMessageContaining(First.class.getName()).hasMessageContaining(Second.class.getName());
    }

    @Test
    void nothingToJudgeIsAnErrorNotAPass(@TempDir Path dir) throws IOException {
        providers(dir);
        assertThatThrownBy(Variants::all).hasMessageContaining("no dev.oversell.design.VariantProvider is registered");
        providers(dir, Empty.class);
        assertThatThrownBy(Variants::all).hasMessageContaining("declare none");
    }

    @Test
    void aNarrowingThatNamesNoDesignFails(@TempDir Path dir) throws IOException {
        providers(dir, First.class);
        System.setProperty(Variants.ONLY, "shop-typo");
        assertThatThrownBy(Variants::selected).hasMessageContaining("no design named 'shop-typo'")
                .hasMessageContaining("shop-lock");
    }
}
