package dev.oversell.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A GitHub-flavoured Markdown table, the one way every summary and report writes one: a header, rows of the
 * same width, and cells made safe for a table (a {@code |} is escaped, a line break becomes {@code <br>}).
 */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final java.util.Set<Integer> rightAligned = new java.util.HashSet<>();

    private MarkdownTable(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.copyOf(header);
    }

    public static MarkdownTable of(String... header) {
        return new MarkdownTable(Arrays.asList(header));
    }

    public static MarkdownTable of(List<String> header) {
        return new MarkdownTable(header);
    }

    /** Aligns these columns (counted from 0) to the right, as numbers read best. */
    public MarkdownTable alignRight(int... columns) {
        for (int column : columns) {
            if (column < 0 || column >= header.size()) {
                throw new IllegalArgumentException("no column " + column + " in a table of " + header.size());
            }
            rightAligned.add(column);
        }
        return this;
    }

    /** One row; {@code null} prints as an empty cell. */
    public MarkdownTable row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public MarkdownTable row(List<?> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + header.size()
                    + " columns: " + cells);
        }
        rows.add(cells.stream().map(cell -> cell == null ? "" : cell(Objects.toString(cell))).toList());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, ending with a line break. */
    public String render() {
        StringBuilder md = new StringBuilder();
        line(md, header.stream().map(MarkdownTable::cell).toList());
        List<String> rule = new ArrayList<>();
        for (int column = 0; column < header.size(); column++) {
            rule.add(rightAligned.contains(column) ? "---:" : "---");
        }
        line(md, rule);
        rows.forEach(row -> line(md, row));
        return md.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private static void line(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("\\|", "|").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }
}
