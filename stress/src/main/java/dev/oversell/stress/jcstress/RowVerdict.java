package dev.oversell.stress.jcstress;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.oversell.judge.Finding;

import java.util.Optional;

/**
 * What one jcstress row says, typed: a {@link Finding} when jcstress ran the scenario cleanly, or why it proves
 * nothing. Written in {@code summary.json} as its word ({@code held}, {@code oversold}, ..., {@code not checked}).
 */
public enum RowVerdict {
    OVERSOLD(Finding.OVERSOLD),
    PARTIALLY_APPLIED(Finding.PARTIALLY_APPLIED),
    LOST_UPDATE(Finding.LOST_UPDATE),
    HUNG(Finding.HUNG),
    NOT_LINEARIZABLE(Finding.NOT_LINEARIZABLE),
    HELD(Finding.HELD),
    /** This machine cannot run it (a CPU per actor), with the reason in the row's note. */
    SKIPPED("skipped"),
    /** The time budget ran out first, or too few samples: no evidence. */
    NOT_CHECKED("not checked"),
    /** jcstress did not run it cleanly. */
    ERROR("error"),
    /** The actor runtime broke one of its own guarantees. */
    BROKEN("broken");

    private final String word;
    private final Finding finding;

    RowVerdict(Finding finding) {
        this.word = finding.word();
        this.finding = finding;
    }

    RowVerdict(String word) {
        this.word = word;
        this.finding = null;
    }

    public static RowVerdict of(Finding finding) {
        for (RowVerdict v : values()) {
            if (v.finding == finding) {
                return v;
            }
        }
        throw new IllegalArgumentException("no row verdict for " + finding);
    }

    @JsonCreator
    public static RowVerdict ofWord(String word) {
        for (RowVerdict v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a jcstress row's verdict: '" + word + "'");
    }

    @JsonValue
    public String word() {
        return word;
    }

    /** The finding, when jcstress ran the scenario cleanly; empty when the row proves nothing. */
    public Optional<Finding> finding() {
        return Optional.ofNullable(finding);
    }

    @Override
    public String toString() {
        return word;
    }
}
