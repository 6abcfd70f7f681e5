package dev.oversell.report;

import dev.oversell.run.JudgedDesign;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The page check: the HTML report this build wrote, rendered by headless Chromium (Debian's {@code chromium};
 * {@code .ci/install-browser} installs it). A broken page fails the build: the screenshot must show a page
 * (not a blank or an error); the rendered DOM must hold the two verdict tables, whose rows together are one per
 * design of the run folder's {@code designs} (the folder the report was made from), and the charts (or the note that no benchmark ran); and at a {@value #WIDTH} px window
 * every verdict table must fit beside the margins, as the page's own script measured it after layout (so nobody
 * has to scroll sideways to read a verdict). The screenshot, {@value #WIDTH} px wide and tall enough to show
 * both tables, is kept beside the report as {@code report.png}.
 * Without Chromium the check is skipped loudly, and fails when {@code CI=true}.
 */
class ReportPageIT {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1200;
    /** The screenshot shows the page down to the end of the verdict tables, up to this height. */
    private static final int MAX_HEIGHT = 6000;
    /** The page's left and right margins (body{margin:24px}): a table may use the rest of the window. */
    private static final int MARGINS = 2 * 24;
    private static Path dir;
    private static String chromium;

    @BeforeAll
    static void findPageAndBrowser() {
        dir = Path.of(System.getProperty("oversell.report.dir", "target/oversell/report"));
        assertThat(dir.resolve("report.html")).as("the report this build wrote").exists();
        chromium = findChromium();
        if (chromium == null) {
            String why = "no chromium on PATH (run .ci/install-browser, or set OVERSELL_CHROMIUM)";
            System.out.println("[report] !!! PAGE CHECK " + ("true".equalsIgnoreCase(System.getenv("CI"))
                    ? "REQUIRED (CI=true) but " : "SKIPPED: ") + why);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void theScreenshotShowsARenderedPage() throws Exception {
        Path png = dir.resolve("report.png");
        Files.deleteIfExists(png);
        String tablesEnd = attribute(tag(run("--window-size=" + WIDTH + "," + HEIGHT, "--dump-dom"), "body"),
                "data-tables-bottom");
        int height = tablesEnd == null ? HEIGHT
                : Math.max(HEIGHT, Math.min(MAX_HEIGHT, Integer.parseInt(tablesEnd) + 24));
        run("--screenshot=" + png.toAbsolutePath(), "--window-size=" + WIDTH + "," + height);
        assertThat(png).as("Chromium's screenshot").exists();
        BufferedImage image = ImageIO.read(png.toFile());
        System.out.println("[report] the screenshot " + png + " is " + image.getWidth() + " x " + image.getHeight());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
        assertThat(colours.size()).as("distinct colours: a rendered table and text, not a blank page").isGreaterThan(50);
        assertThat(inked * 100 / sampled).as("percent of the screenshot with something on it").isGreaterThan(5);
    }

    @Test
    void theRenderedPageHoldsBothTablesAndTheCharts() throws Exception {
        String dom = run("--dump-dom");
        String inMemory = body(dom, "in-memory-designs");
        String database = body(dom, "database-designs");
        List<JudgedDesign> designs = RunEvidence.read(runFolder()).designs();
        assertThat(rows(inMemory) + rows(database)).as("rows of both tables: one per design the run folder records")
                .isEqualTo(designs.size());
        for (JudgedDesign design : designs) {
            assertThat(design.kind().equals(VerdictMatrix.IN_MEMORY) ? inMemory : database)
                    .as("the %s table", design.kind()).contains(">" + design.name() + "<");
        }
        assertThat(dom).as("the charts, or the note that no benchmark ran")
                .satisfiesAnyOf(d -> assertThat(d).contains("id=\"charts\"").contains("<svg"),
                        d -> assertThat(d).contains("id=\"no-benchmarks\""));
        assertThat(dom).doesNotContain("NaN").doesNotContain(">null<");
    }

    /** The run folder the report was made from ({@code oversell.run.dir}, set by the build). */
    private static Path runFolder() {
        String dir = System.getProperty("oversell.run.dir");
        assertThat(dir).as("oversell.run.dir: the run folder the report was made from").isNotNull();
        return Path.of(dir);
    }

    private static String body(String dom, String table) {
        Matcher body = Pattern.compile("<table id=\"" + table + "\"[^>]*>.*?<tbody>(.*?)</tbody>", Pattern.DOTALL)
                .matcher(dom);
        assertThat(body.find()).as("the table %s in the rendered DOM", table).isTrue();
        return body.group(1);
    }

    private static int rows(String tbody) {
        return tbody.split("<tr>", -1).length - 1;
    }

    @Test
    void everyVerdictTableFitsTheWindowWithoutScrolling() throws Exception {
        String dom = run("--window-size=" + WIDTH + "," + HEIGHT, "--dump-dom");
        Matcher table = Pattern.compile("<table\\b[^>]*\\bclass=\"verdicts\"[^>]*>").matcher(dom);
        int tables = 0;
        while (table.find()) {
            tables++;
            String id = attribute(table.group(), "id");
            String width = attribute(table.group(), "data-width");
            System.out.println("[report] table " + id + " is " + width + " px wide at a " + WIDTH + " px window");
            assertThat(width).as("table %s measured by the page's script after layout", id).isNotNull();
            assertThat(Integer.parseInt(width)).as("width of table %s in px (window %d, margins %d)", id, WIDTH, MARGINS)
                    .isLessThanOrEqualTo(WIDTH - MARGINS);
        }
        assertThat(tables).as("verdict tables in the rendered DOM").isPositive();
        String page = attribute(tag(dom, "body"), "data-page-width");
        System.out.println("[report] the page is " + page + " px wide at a " + WIDTH + " px window");
        assertThat(page).as("the page's width, measured by its script").isNotNull();
        assertThat(Integer.parseInt(page)).as("the page's width in px: no horizontal scrolling").isLessThanOrEqualTo(WIDTH);
    }

    private static String tag(String dom, String name) {
        Matcher tag = Pattern.compile("<" + name + "\\b[^>]*>").matcher(dom);
        assertThat(tag.find()).as("a <%s> in the rendered DOM", name).isTrue();
        return tag.group();
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : null;
    }

    private static String run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("oversell-chromium");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        command.add(dir.resolve("report.html").toAbsolutePath().toUri().toString());
        Path output = Files.createTempFile("oversell-chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 90 s: " + command);
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static String findChromium() {
        String configured = System.getenv("OVERSELL_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return configured;
        }
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dirName, name))) {
                    return Path.of(dirName, name).toString();
                }
            }
        }
        return null;
    }
}
