package dev.oversell.report;

/** A caught oversell, for people: which variant and check, the evidence text, and the command to reproduce it. */
record Counterexample(String variant, String check, String kind, String text, String reproduce, String link) {
}
