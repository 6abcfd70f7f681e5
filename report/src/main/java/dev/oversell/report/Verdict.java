package dev.oversell.report;

import dev.oversell.judge.Finding;

/**
 * What a family of checks showed for one design, as the tables print it: a {@link Finding} in its word, or
 * that some of its checks did not cover what they name (not checked: nothing may be concluded), or that the run
 * has none of them (not run), or that the design claims nothing there or declares none of them applies (n/a).
 */
enum Verdict {
    OVERSOLD(Finding.OVERSOLD, "✗"),
    PARTIALLY_APPLIED(Finding.PARTIALLY_APPLIED, "◐"),
    LOST_UPDATE(Finding.LOST_UPDATE, "≠"),
    HUNG(Finding.HUNG, "∞"),
    NOT_LINEARIZABLE(Finding.NOT_LINEARIZABLE, "!"),
    HELD(Finding.HELD, "✓"),
    NOT_CHECKED("not checked", "…", "some of its checks did not cover what they name (a limit reached, an error, a"
            + " fault that did not strike, nothing sold, a check this machine cannot run; the cell says which):"
            + " nothing may be concluded"),
    NOT_RUN("not run", "?", "no observation of this check for this design in the run"),
    NOT_APPLICABLE("n/a", "·", "the design claims nothing there");

    final String word;
    final String symbol;
    final String meaning;

    Verdict(Finding finding, String symbol) {
        this(finding.word(), symbol, finding.meaning());
    }

    Verdict(String word, String symbol, String meaning) {
        this.word = word;
        this.symbol = symbol;
        this.meaning = meaning;
    }

    static Verdict of(Finding finding) {
        return switch (finding) {
            case OVERSOLD -> OVERSOLD;
            case PARTIALLY_APPLIED -> PARTIALLY_APPLIED;
            case LOST_UPDATE -> LOST_UPDATE;
            case HUNG -> HUNG;
            case NOT_LINEARIZABLE -> NOT_LINEARIZABLE;
            case HELD -> HELD;
        };
    }

    boolean anomaly() {
        return ordinal() < HELD.ordinal();
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

    /**
     * Several verdicts in one word (the snapshot's "one instance": interleavings and load; a family's scenarios):
     * the most serious finding wins; else "not checked" if a check did not run; else held if anything held.
     */
    static Verdict combine(Iterable<Verdict> verdicts) {
        Verdict combined = null;
        for (Verdict v : verdicts) {
            combined = combined == null || rank(v) < rank(combined) ? v : combined;
        }
        return combined == null ? NOT_RUN : combined;
    }

    /** Anomalies first (oversold most serious), then not checked, held, not run, n/a. */
    private static int rank(Verdict v) {
        return switch (v) {
            case OVERSOLD, PARTIALLY_APPLIED, LOST_UPDATE, HUNG, NOT_LINEARIZABLE -> v.ordinal();
            case NOT_CHECKED -> HELD.ordinal();
            case HELD -> HELD.ordinal() + 1;
            case NOT_RUN -> HELD.ordinal() + 2;
            case NOT_APPLICABLE -> HELD.ordinal() + 3;
        };
    }
}
