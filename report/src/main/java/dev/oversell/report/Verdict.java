package dev.oversell.report;

/** What one check showed for one variant, as the matrix prints it. */
enum Verdict {
    OVERSOLD("oversold", "✗"),
    BROKEN("broken", "!"),
    HELD("held", "✓"),
    SKIPPED("skipped", "–"),
    NOT_RUN("not run", "?"),
    NOT_APPLICABLE("n/a", "·");

    final String word;
    final String symbol;

    Verdict(String word, String symbol) {
        this.word = word;
        this.symbol = symbol;
    }

    static Verdict ofWord(String word) {
        for (Verdict v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a verdict: " + word);
    }

    /** Several checks of one family combined: any oversell wins, then broken, then held. */
    static Verdict combine(Iterable<Verdict> verdicts) {
        boolean any = false;
        boolean held = false;
        boolean broken = false;
        boolean skipped = false;
        boolean notRun = false;
        for (Verdict v : verdicts) {
            any = true;
            switch (v) {
                case OVERSOLD -> {
                    return OVERSOLD;
                }
                case BROKEN -> broken = true;
                case HELD -> held = true;
                case SKIPPED -> skipped = true;
                case NOT_RUN -> notRun = true;
                default -> { }
            }
        }
        if (!any) {
            return NOT_RUN;
        }
        return broken ? BROKEN : held ? HELD : notRun ? NOT_RUN : skipped ? SKIPPED : NOT_APPLICABLE;
    }
}
