package dev.oversell.report;

import dev.oversell.run.MarkdownTable;
import dev.oversell.run.Power;

/**
 * The report's section on the checks' own power: how many designs of a corpus of known bugs each family caught
 * through the very suites a project runs, and how many correct twins it flagged. Without it a "held" says what was
 * run, not what the runs can find.
 */
final class PowerSection {

    static final String TITLE = "Power of the checks: a corpus of known bugs";
    static final String NOTE = "Designs with known bugs, each declared with the claim its author believed (never"
            + " oversells), and correct twins, run through the same suites as the designs above: a bug missed or a"
            + " twin flagged fails the build.";

    private PowerSection() {
    }

    static String markdown(Power power) {
        if (power == null) {
            return "\n## " + TITLE + "\n\nNot measured in this run (the `power` module's tests did not run).\n";
        }
        MarkdownTable table = MarkdownTable.of("family", "known bugs caught", "correct twins flagged", "missed",
                "flagged", "seconds");
        power.families().forEach(f -> table.row(f.family(), f.caught() + " / " + f.bugs(), f.falseAlarms() + " / "
                + f.twins(), String.join(", ", f.missed()), String.join(", ", f.flagged()), f.seconds()));
        return "\n## " + TITLE + "\n\n" + NOTE + "\n\n" + table.render();
    }

    static String html(Power power) {
        StringBuilder h = new StringBuilder("<h2 id=\"power\">").append(Html.escape(TITLE)).append("</h2>");
        if (power == null) {
            return h.append("<p class=\"note\">Not measured in this run (the power module's tests did not run).</p>")
                    .toString();
        }
        h.append("<p class=\"note\">").append(Html.escape(NOTE)).append("</p><table><tr><th>family</th>"
                + "<th>known bugs caught</th><th>correct twins flagged</th><th>missed</th><th>flagged</th>"
                + "<th>seconds</th></tr>");
        for (Power.Family f : power.families()) {
            h.append("<tr><td>").append(Html.escape(f.family())).append("</td><td>").append(f.caught()).append(" / ")
                    .append(f.bugs()).append("</td><td>").append(f.falseAlarms()).append(" / ").append(f.twins())
                    .append("</td><td>").append(Html.escape(String.join(", ", f.missed()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", f.flagged()))).append("</td><td>").append(f.seconds())
                    .append("</td></tr>");
        }
        return h.append("</table>").toString();
    }

    /** One line for the report's header: {@code Lincheck 24/26 caught, 0 false alarms of 8; ...}. */
    static String line(Power power) {
        return power == null ? null : String.join("; ", power.families().stream().map(Power.Family::line).toList());
    }
}
