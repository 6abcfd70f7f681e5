package dev.oversell.properties;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bom/pom.xml} (dev.oversell:oversell-bom) pins exactly what Oversell's own build resolves: every version it
 * pins is the one on this module's test class path (Lincheck's tree, jcstress, the database checks'), every artifact
 * of Lincheck's and jcstress's trees on that class path is pinned, and the versions the checks compare a project's
 * class path with at start (oversell-runtime's {@code built-with.properties}) are the BOM's. A version raised in the
 * root pom, or a new Lincheck that brings a new Kotlin, fails here until the BOM says the same.
 */
class OversellBomTest {

    /** The groups of what Lincheck and jcstress bring: each artifact of them on the class path must be pinned. */
    private static final List<String> CHECKER_GROUPS = List.of("org.jetbrains.lincheck", "org.jetbrains.kotlin",
            "org.jetbrains.kotlinx", "net.bytebuddy", "org.ow2.asm", "org.openjdk.jcstress");

    private static final String MULTIPLATFORM_COROUTINES = "org.jetbrains.kotlinx:kotlinx-coroutines-core";

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    void everyVersionTheBomPinsIsTheOneOversellResolves() throws Exception {
        Map<String, String> onClassPath = classPath();
        Map<String, String> pinned = pins();
        assertThat(pinned).isNotEmpty();
        pinned.forEach((coordinates, version) -> {
            if (coordinates.startsWith("dev.oversell:")) {
                return;
            }
            if (coordinates.equals(MULTIPLATFORM_COROUTINES)) {
                // the name a Kotlin project declares; Maven resolves its JVM jar, pinned at the same version
                assertThat(version).as(coordinates).isEqualTo(pinned.get(MULTIPLATFORM_COROUTINES + "-jvm"));
                return;
            }
            assertThat(onClassPath.get(coordinates))
                    .as("%s: bom/pom.xml pins %s; Oversell's build resolves it on properties' test class path at",
                            coordinates, version)
                    .isEqualTo(version);
        });
    }

    @Test
    void everyArtifactOfTheCheckersTreesIsPinned() throws Exception {
        Map<String, String> pinned = pins();
        classPath().forEach((coordinates, version) -> {
            if (CHECKER_GROUPS.contains(coordinates.substring(0, coordinates.indexOf(':')))) {
                assertThat(pinned).as("bom/pom.xml must pin %s (Oversell resolves %s)", coordinates, version)
                        .containsEntry(coordinates, version);
            }
        });
    }

    @Test
    void theBomPinsOversellsOwnArtifactsAtThisBuildsVersion() throws Exception {
        Document bom = parse(ROOT.resolve("bom/pom.xml").toFile());
        Document root = parse(ROOT.resolve("pom.xml").toFile());
        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(root.getDocumentElement(), "version"));
        assertThat(pins()).containsKeys("dev.oversell:oversell-api", "dev.oversell:oversell-runtime", "dev.oversell:oversell-properties",
                "dev.oversell:oversell-stress", "dev.oversell:oversell-report", "dev.oversell:oversell-spring");
        assertThat(pins().entrySet()).filteredOn(e -> e.getKey().startsWith("dev.oversell:"))
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo("${project.version}"));
    }

    /** Every module a project can depend on (one that is deployed: no {@code maven.deploy.skip}) is pinned. */
    @Test
    void everyPublishedArtifactOfOversellIsPinned() throws Exception {
        Document root = parse(ROOT.resolve("pom.xml").toFile());
        NodeList modules = root.getElementsByTagName("module");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            Document module = parse(ROOT.resolve(modules.item(i).getTextContent().strip()).resolve("pom.xml").toFile());
            String artifact = child(module.getDocumentElement(), "artifactId");
            boolean deployed = !"true".equals(property(module, "maven.deploy.skip"));
            if (deployed && !artifact.equals("oversell-bom")) {
                published.add("dev.oversell:" + artifact);
            }
        }
        assertThat(published).contains("dev.oversell:oversell-api", "dev.oversell:oversell-runtime", "dev.oversell:oversell-spring")
                .doesNotContain("dev.oversell:oversell-catalogue");
        assertThat(pins().keySet()).as("bom/pom.xml pins every published module of the root pom")
                .containsAll(published);
    }

    @Test
    void theVersionsTheChecksRequireAtStartAreTheBoms() throws Exception {
        Properties builtWith = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/oversell/run/built-with.properties")) {
            builtWith.load(in);
        }
        Map<String, String> pinned = pins();
        assertThat(builtWith.stringPropertyNames()).isNotEmpty().allSatisfy(coordinates ->
                assertThat(pinned.get(coordinates)).as(coordinates).isEqualTo(builtWith.getProperty(coordinates)));
    }

    /** group:artifact to version, as bom/pom.xml's dependencyManagement says them. */
    private static Map<String, String> pins() throws Exception {
        Document bom = parse(ROOT.resolve("bom/pom.xml").toFile());
        NodeList dependencies = bom.getElementsByTagName("dependency");
        Map<String, String> pins = new TreeMap<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            pins.put(child(dependency, "groupId") + ":" + child(dependency, "artifactId"), child(dependency, "version"));
        }
        return pins;
    }

    /** group:artifact to version of every jar on the test class path that sits in the checkers' groups or is pinned. */
    private static Map<String, String> classPath() throws Exception {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Map<String, String> found = new TreeMap<>();
        for (String coordinates : pins().keySet()) {
            String group = coordinates.substring(0, coordinates.indexOf(':'));
            if (!CHECKER_GROUPS.contains(group)) {
                find(path, group, coordinates.substring(coordinates.indexOf(':') + 1), found);
            }
        }
        for (String group : CHECKER_GROUPS) {
            find(path, group, "[^/]+", found);
        }
        return found;
    }

    private static void find(String classPath, String group, String artifact, Map<String, String> found) {
        Pattern layout = Pattern.compile("/" + Pattern.quote(group.replace('.', '/')) + "/(" + artifact
                + ")/([^/]+)/[^/]+\\.jar$");
        for (String entry : Arrays.asList(classPath.split(File.pathSeparator))) {
            Matcher m = layout.matcher(entry.replace(File.separatorChar, '/'));
            if (m.find()) {
                found.put(group + ":" + m.group(1), m.group(2));
            }
        }
    }

    /** The {@code <properties>} entry {@code name} of a pom, or null. */
    private static String property(Document pom, String name) {
        NodeList properties = pom.getElementsByTagName("properties");
        return properties.getLength() == 0 ? null : child((Element) properties.item(0), name);
    }

    private static Document parse(File file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file);
    }

    private static String child(Element element, String name) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
