package dev.oversell.report;

import dev.oversell.judge.Finding;

/**
 * What one check showed for one variant, as the matrix prints it: a {@link Finding} in its word, or that the
 * check was skipped, not run, or does not apply.
 */
enum Verdict {
    OVERSOLD(Finding.OVERSOLD, "✗"),
    LOST_UPDATE(Finding.LOST_UPDATE, "≠"),
    NOT_LINEARIZABLE(Finding.NOT_LINEARIZABLE, "!"),
    HELD(Finding.HELD, "✓"),
    SKIPPED("skipped", "–"),
    NOT_RUN("not run", "?"),
    NOT_APPLICABLE("n/a", "·");

    final String word;
    final String symbol;
    final String meaning;

    Verdict(Finding finding, String symbol) {
        this.word = finding.word();
        this.symbol = symbol;
        this.meaning = finding.meaning();
    }

    Verdict(String word, String symbol) {
        this.word = word;
        this.symbol = symbol;
        this.meaning = switch (word) {
            case "skipped" -> "the check cannot run on this machine (the reason is in the cell)";
            case "not run" -> "no result in this run";
            default -> "the check does not apply to this design";
        };
    }

    static Verdict of(Finding finding) {
        return ofWord(finding.word());
    }

    static Verdict ofWord(String word) {
        for (Verdict v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a verdict: " + word);
    }

    /** The legend line: every symbol and word with what it means. */
    static String legend(String separator) {
        StringBuilder out = new StringBuilder();
        for (Verdict v : values()) {
            out.append(out.length() == 0 ? "" : separator).append(v.symbol).append(' ').append(v.word).append(": ")
                    .append(v.meaning);
        }
        return out.toString();
    }

    /** Several checks of one family combined: the most serious finding wins, then held. */
    static Verdict combine(Iterable<Verdict> verdicts) {
        boolean any = false;
        Verdict worst = null;
        boolean skipped = false;
        boolean notRun = false;
        for (Verdict v : verdicts) {
            any = true;
            switch (v) {
                case OVERSOLD, LOST_UPDATE, NOT_LINEARIZABLE, HELD -> worst = worst == null || v.ordinal() < worst.ordinal() ? v : worst;
                case SKIPPED -> skipped = true;
                case NOT_RUN -> notRun = true;
                default -> { }
            }
        }
        if (!any) {
            return NOT_RUN;
        }
        return worst != null ? worst : notRun ? NOT_RUN : skipped ? SKIPPED : NOT_APPLICABLE;
    }
}
