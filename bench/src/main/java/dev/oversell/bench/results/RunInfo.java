package dev.oversell.bench.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the summary says about the run itself, so that a cited number can be traced to how it was measured:
 * when, how long, on what, with which settings, and the exact command that reproduces it.
 *
 * @param engines     the engines measured, with the version each server reported (key: {@code h2}, ...)
 * @param skipped     the engines asked for but not reachable, with the reason
 * @param threads     in-memory thread counts
 * @param clients     database client counts
 */
public record RunInfo(Instant started, Duration took, String command, String buildCommand, String machine,
                      String jvm, String jmhVersion, String pekkoVersion, String settings,
                      Map<String, String> engines, Map<String, String> skipped, List<Integer> threads,
                      List<Integer> clients) {
}
