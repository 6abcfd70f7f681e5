package dev.oversell.report;

import java.nio.file.Path;

/**
 * A file the report will not use: evidence of another run than the folder's (an earlier build, a stale copy),
 * or no evidence at all; or run folders that are not the shards of one run, refused as one report
 * ({@link MergedRuns}). The message names the files or folders and what differs; the report exits non-zero on it.
 */
final class RefusedEvidence extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RefusedEvidence(String message) {
        super(message);
    }

    /** {@code file} carries {@code itsRunId} (null: none), and the folder is of {@code runId}. */
    static RefusedEvidence ofAnotherRun(String what, Path file, String itsRunId, String runId) {
        return new RefusedEvidence("refusing " + what + " " + file + ": "
                + (itsRunId == null ? "it carries no run id" : "it is of run " + itsRunId)
                + ", and this report is of run " + runId + " (the run folder's name)");
    }
}
