package dev.oversell.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a design's opening comment that is produced, not typed: what the design claims and the command that
 * shows its verdict, written from its declaration (the catalogue, a provider) into the class comment of its source
 * file, between two markers. A design's claim is then written once, where it is declared; a test of the module that
 * declares the designs checks every header and fails on a stale one, and the same test run with
 * {@code -Doversell.headers.write=true} writes them. The prose around the markers (why the design holds or breaks)
 * is the author's.
 */
public final class DesignHeaders {

    /** Set to {@code true}, the check writes the headers instead of comparing them. */
    public static final String WRITE = "oversell.headers.write";
    static final String START = " * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->";
    static final String END = " * <!-- /produced -->";
    private static final int WIDTH = 120;

    private DesignHeaders() {
    }

    /** One design a source file implements: its name, its claim in words, the command that shows its verdict. */
    public record Entry(String design, String claim, String command) {
    }

    /**
     * The command that runs one test of one module of this repository with {@code settings} (each {@code name=value},
     * passed as {@code -Dname=value}).
     */
    public static String command(String module, String test, String... settings) {
        StringBuilder command = new StringBuilder("mvn -q -pl " + module + " -am verify -Dtest=" + test
                + " -Dsurefire.failIfNoSpecifiedTests=false");
        for (String setting : settings) {
            command.append(" -D").append(setting);
        }
        return command.toString();
    }

    /**
     * Compares (or, with {@code write}, rewrites) the header of each top-level type's source file (by its class
     * name) under {@code sources} (a module's {@code src/main/java}) with the one its entries give; returns one line
     * per file that was stale.
     */
    public static List<String> check(Path sources, Map<String, List<Entry>> entries, boolean write)
            throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> type : entries.entrySet()) {
            Path file = sources.resolve(type.getKey().replace('.', '/') + ".java");
            if (!Files.isRegularFile(file)) {
                stale.add(type.getKey() + ": no source at " + file);
                continue;
            }
            String text = Files.readString(file);
            String simpleName = type.getKey().substring(type.getKey().lastIndexOf('.') + 1);
            String produced = withHeader(text, simpleName, block(type.getValue()));
            if (!produced.equals(text)) {
                stale.add(sources.relativize(file) + ": its header is not the one "
                        + type.getValue().stream().map(Entry::design).toList() + " declare");
                if (write) {
                    Files.writeString(file, produced);
                }
            }
        }
        return stale;
    }

    /** {@code text} with its class comment's produced block replaced by {@code block} (or added at its end). */
    static String withHeader(String text, String simpleName, List<String> block) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Pattern declaration = Pattern.compile(
                "^(public |final |abstract |sealed |non-sealed )*(class|record|interface|enum) " + simpleName + "\\b");
        int at = 0;
        while (at < lines.size() && !declaration.matcher(lines.get(at)).find()) {
            at++;
        }
        int close = at - 1;
        while (close >= 0 && lines.get(close).startsWith("@")) {
            close--;
        }
        if (at == lines.size() || close < 0 || !lines.get(close).equals(" */")) {
            throw new IllegalArgumentException("no class comment right above '" + simpleName + "'s declaration");
        }
        int open = close;
        while (open >= 0 && !lines.get(open).startsWith("/**")) {
            open--;
        }
        int start = -1;
        int end = -1;
        for (int i = open; i < close; i++) {
            if (lines.get(i).equals(START)) {
                start = i;
            } else if (lines.get(i).equals(END)) {
                end = i;
            }
        }
        if (start >= 0 && end > start) {
            lines.subList(start, end + 1).clear();
            lines.addAll(start, block);
        } else {
            lines.addAll(close, block);
        }
        return String.join("\n", lines);
    }

    static List<String> block(List<Entry> entries) {
        List<String> block = new ArrayList<>();
        block.add(START);
        for (Entry entry : entries) {
            block.addAll(wrapped("<p><b>Claims</b> ({@code " + entry.design() + "}): " + entry.claim() + "."));
            block.addAll(wrapped("<p><b>See it</b>: {@code " + entry.command() + "}"));
        }
        block.add(END);
        return block;
    }

    /** {@code text} as comment lines of at most {@value #WIDTH} characters, broken at spaces. */
    private static List<String> wrapped(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(" *");
        Matcher word = Pattern.compile("\\S+").matcher(text);
        while (word.find()) {
            if (line.length() > 2 && line.length() + 1 + word.group().length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(" *");
            }
            line.append(' ').append(word.group());
        }
        lines.add(line.toString());
        return lines;
    }
}
