package dev.oversell.report;

import dev.oversell.judge.Finding;

/**
 * An anomaly caught, for people: the design, the family of checks (and engine), the check that saw it, the
 * finding, its smallest example as the checker wrote it, the command that runs the check again, and the
 * evidence file (relative to the run folder).
 */
record Counterexample(String design, String check, String cell, Finding finding, String example, String reproduce,
                      String link) {
}
