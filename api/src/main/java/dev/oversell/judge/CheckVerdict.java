package dev.oversell.judge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/**
 * What one check's row or cell says, typed: a {@link Finding} when the check ran as far as its cell names, or why it
 * proves nothing. Written in the families' summaries ({@code summary.json}, {@code matrix.json}) as its word
 * ({@code held}, {@code oversold}, ..., {@code not checked}).
 */
public enum CheckVerdict {
    OVERSOLD(Finding.OVERSOLD),
    PARTIALLY_APPLIED(Finding.PARTIALLY_APPLIED),
    LOST_UPDATE(Finding.LOST_UPDATE),
    HUNG(Finding.HUNG),
    NOT_LINEARIZABLE(Finding.NOT_LINEARIZABLE),
    HELD(Finding.HELD),
    /** This machine cannot run it (a CPU per actor), with the reason in the row's note. */
    SKIPPED("skipped"),
    /** Some check did not cover what it names (a limit, a budget, too few samples): no evidence. */
    NOT_CHECKED("not checked"),
    /** The checker did not run it cleanly. */
    ERROR("error"),
    /** The actor runtime broke one of its own guarantees (jcstress's runtime tests). */
    BROKEN("broken");

    private final String word;
    private final Finding finding;

    CheckVerdict(Finding finding) {
        this.word = finding.word();
        this.finding = finding;
    }

    CheckVerdict(String word) {
        this.word = word;
        this.finding = null;
    }

    public static CheckVerdict of(Finding finding) {
        for (CheckVerdict v : values()) {
            if (v.finding == finding) {
                return v;
            }
        }
        throw new IllegalArgumentException("no row verdict for " + finding);
    }

    @JsonCreator
    public static CheckVerdict ofWord(String word) {
        for (CheckVerdict v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a check's verdict: '" + word + "'");
    }

    @JsonValue
    public String word() {
        return word;
    }

    /** The finding, when the check ran; empty when it proves nothing. */
    public Optional<Finding> finding() {
        return Optional.ofNullable(finding);
    }

    @Override
    public String toString() {
        return word;
    }
}
