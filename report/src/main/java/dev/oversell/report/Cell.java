package dev.oversell.report;

/** One cell of the matrix: the verdict, a short text with counts, and the evidence file it links to (or null). */
record Cell(Verdict verdict, String text, String link) {

    static Cell notApplicable(String why) {
        return new Cell(Verdict.NOT_APPLICABLE, why, null);
    }

    static Cell notRun(String why) {
        return new Cell(Verdict.NOT_RUN, why, null);
    }
}
