package dev.oversell.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A doc that names a file, a setting or a test is a claim: the README and every page of {@code docs/} are read
 * here, and each relative link must lead to a file, each {@code -Doversell.*} setting must be read somewhere in the
 * sources, each test or suite class named must exist, each Oversell type a doc shows a project using must be in a
 * published module, and the README's excerpt of the verdict matrix must be the snapshot's own rows. Run from the
 * report module, whose parent folder is the repository.
 */
class DocsNameWhatExistsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    private static final Pattern SETTING = Pattern.compile("-D(oversell\\.[A-Za-z0-9_.]+[A-Za-z0-9])");
    private static final Pattern TEST_CLASS = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|Suite|IT))`");
    /** A Java block of a doc: the code a project is shown writing. */
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    /** A call or member in prose, {@code `Migrations.schema`}: a type a project is shown using. */
    private static final Pattern MEMBER_IN_PROSE = Pattern.compile("`([A-Z][A-Za-z0-9]*)[.#][a-z][A-Za-z0-9]*[(`]");
    private static final Pattern TYPE = Pattern.compile("\\b([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)\\b");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    /** A step of {@code .ci/run}: one of the repository's own scripts. */
    private static final Pattern CI_STEP = Pattern.compile("\\.ci/[a-z-]+");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void everyRelativeLinkLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher link = LINK.matcher(Files.readString(doc));
            while (link.find()) {
                String target = link.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(doc.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(doc) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void everySettingNamedIsReadSomewhere() throws IOException {
        String sources = sources();
        Set<String> unknown = new TreeSet<>();
        for (Path doc : docs()) {
            Matcher setting = SETTING.matcher(Files.readString(doc));
            while (setting.find()) {
                if (!sources.contains("\"" + setting.group(1)) && !sources.contains("<" + setting.group(1) + ">")
                        && !sources.contains(setting.group(1) + "=")) {
                    unknown.add(setting.group(1) + " (" + ROOT.relativize(doc) + ")");
                }
            }
        }
        assertThat(unknown).as("settings the docs name but no source reads").isEmpty();
    }

    @Test
    void everyTestOrSuiteNamedExists() throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/target/"))
                    .forEach(f -> classes.add(f.getFileName().toString().replace(".java", "")));
        }
        Set<String> missing = new TreeSet<>();
        for (Path doc : docs()) {
            Matcher named = TEST_CLASS.matcher(Files.readString(doc));
            while (named.find()) {
                if (!classes.contains(named.group(1)) && !named.group(1).startsWith("Shop")
                        && !named.group(1).startsWith("My")) {
                    missing.add(named.group(1) + " (" + ROOT.relativize(doc) + ")");
                }
            }
        }
        assertThat(missing).as("test and suite classes the docs name that do not exist").isEmpty();
    }

    /**
     * A type a doc shows a project using (named in a Java block, or as {@code `Type.member`} in prose) that is one
     * of Oversell's must be in a module a project can depend on: one that is deployed, not the catalogue, the
     * power corpus, the benchmarks or the report page ({@code maven.deploy.skip}). Placeholders ({@code MyDesign})
     * and types of other libraries are not Oversell's and pass.
     */
    @Test
    void everyOversellTypeADocShowsAProjectUsingIsPublished() throws IOException {
        Map<String, Set<String>> modulesOf = new TreeMap<>();
        Set<String> published = new TreeSet<>();
        Matcher module = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            Path dir = ROOT.resolve(module.group(1));
            if (!Files.readString(dir.resolve("pom.xml")).contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                published.add(module.group(1));
            }
            Path main = dir.resolve("src/main/java");
            if (Files.isDirectory(main)) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> modulesOf
                            .computeIfAbsent(f.getFileName().toString().replace(".java", ""), k -> new TreeSet<>())
                            .add(module.group(1)));
                }
            }
        }
        assertThat(published).as("the published modules").contains("api", "runtime", "properties").doesNotContain("catalogue");
        Set<String> unpublished = new TreeSet<>();
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            Set<String> shown = new TreeSet<>();
            Matcher block = JAVA_BLOCK.matcher(text);
            while (block.find()) {
                Matcher type = TYPE.matcher(block.group(1));
                while (type.find()) {
                    shown.add(type.group(1));
                }
            }
            Matcher member = MEMBER_IN_PROSE.matcher(text);
            while (member.find()) {
                shown.add(member.group(1));
            }
            for (String type : shown) {
                Set<String> modules = modulesOf.getOrDefault(type, Set.of());
                if (!modules.isEmpty() && modules.stream().noneMatch(published::contains)) {
                    unpublished.add(type + " (" + ROOT.relativize(doc) + ": only in " + modules + ")");
                }
            }
        }
        assertThat(unpublished).as("types the docs show a project using that no published module has").isEmpty();
    }

    /**
     * The projects of {@code examples/} are written as an outside team writes one: their designs import Oversell's
     * API alone (the packages of the {@code api} module) and, for a Spring project, the published Spring kit
     * ({@code dev.oversell.spring}); their tests add the suites they extend ({@code ...Suite}). A design that needs
     * a class of the runtime, or a test that reaches into a checker's internals, fails here.
     */
    @Test
    void theExamplesImportTheApiAndTheSuitesAlone() throws IOException {
        Set<String> api = new TreeSet<>();
        Path apiSources = ROOT.resolve("api/src/main/java");
        try (Stream<Path> dirs = Files.walk(apiSources)) {
            dirs.filter(Files::isDirectory).forEach(d -> api.add(apiSources.relativize(d).toString().replace('/', '.')));
        }
        assertThat(api).as("the API's packages").contains("dev.oversell.model", "dev.oversell.design",
                "dev.oversell.script", "dev.oversell.judge");
        Pattern imported = Pattern.compile("^import (?:static )?(dev\\.oversell\\.[\\w.]+?)\\.([A-Z]\\w*)[.;]", Pattern.MULTILINE);
        List<String> outside = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT.resolve("examples"))) {
            sources = files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/target/")).toList();
        }
        for (Path source : sources) {
            boolean test = source.toString().contains("/src/test/");
            Matcher m = imported.matcher(Files.readString(source));
            while (m.find()) {
                String pkg = m.group(1);
                boolean allowed = api.contains(pkg) || pkg.equals("dev.oversell.spring")
                        || (test && m.group(2).endsWith("Suite"));
                if (!allowed) {
                    outside.add(ROOT.relativize(source) + ": " + pkg + "." + m.group(2));
                }
            }
        }
        assertThat(sources).as("the examples' sources").isNotEmpty();
        assertThat(outside).as("imports of the examples outside the API, the Spring kit and the suites").isEmpty();
    }

    @Test
    void theReadmesExcerptIsTheSnapshotsOwnRows() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String excerpt = readme.substring(readme.indexOf("<!-- excerpt:start -->"), readme.indexOf("<!-- excerpt:end -->"));
        List<String> snapshot = Files.readAllLines(ROOT.resolve("docs/verdict-matrix.md"));
        List<String> rows = excerpt.lines().filter(l -> l.startsWith("| db-")).toList();
        assertThat(rows).hasSize(5);
        for (String row : rows) {
            String design = row.split("\\|")[1].strip();
            String inSnapshot = snapshot.stream().filter(l -> l.startsWith("| " + design + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError(design + " is not a row of docs/verdict-matrix.md"));
            String[] cells = inSnapshot.split("\\|");
            assertThat(row).as("README's row of %s against the snapshot", design)
                    .isEqualTo("|" + cells[1] + "|" + cells[2] + "|" + cells[3] + "|" + cells[4] + "|");
        }
    }

    /** The README and every page of docs/. */
    /**
     * A CI job a doc shows running the suites gets ready what {@code .ci/run} gets ready before its build (the
     * servers, the browser): CI sets {@code CI=true}, which makes them required, so a job without them cannot pass.
     */
    @Test
    void aCiJobADocShowsGetsReadyWhatCiRunDoes() throws IOException {
        String ciRun = Files.readString(ROOT.resolve(".ci/run"));
        List<String> steps = new ArrayList<>();
        Matcher step = CI_STEP.matcher(ciRun.substring(0, ciRun.indexOf("\nmvn ")));
        while (step.find()) {
            steps.add(step.group());
        }
        assertThat(steps).as(".ci/run's steps before its build").isNotEmpty();
        int jobs = 0;
        for (Path doc : docs()) {
            Matcher yaml = YAML_BLOCK.matcher(Files.readString(doc));
            while (yaml.find()) {
                String job = yaml.group(1);
                int build = job.indexOf("mvn -B verify");
                if (build < 0) {
                    continue;
                }
                jobs++;
                for (String ready : steps) {
                    assertThat(job.substring(0, build)).as("%s: a CI job runs %s before mvn -B verify, as .ci/run"
                            + " does", ROOT.relativize(doc), ready).contains(ready);
                }
            }
        }
        assertThat(jobs).as("CI jobs shown in the docs").isPositive();
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        assertThat(ROOT.resolve("pom.xml")).as("the repository root").isRegularFile();
        return docs;
    }

    /** Every source, build and script file of the repository, in one string. */
    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/")
                    && !f.toString().contains("/.git/") && (f.toString().endsWith(".java") || f.toString().endsWith(".xml")
                    || f.toString().endsWith(".properties") || f.getFileName().toString().equals("verdicts")
                    || f.toString().contains("/.ci/") || f.toString().endsWith("/check"))).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }
}
