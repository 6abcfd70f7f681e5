package dev.oversell.properties.concurrency;

import dev.oversell.judge.Finding;
import org.jetbrains.kotlinx.lincheck.strategy.IncorrectResultsFailure;
import org.jetbrains.kotlinx.lincheck.strategy.LincheckFailure;
import org.jetbrains.kotlinx.lincheck.strategy.ManagedDeadlockFailure;
import org.jetbrains.kotlinx.lincheck.strategy.ManagedLivelockFailure;
import org.jetbrains.kotlinx.lincheck.strategy.TimeoutFailure;
import org.jetbrains.kotlinx.lincheck.strategy.UnexpectedExceptionFailure;
import org.jetbrains.kotlinx.lincheck.strategy.ValidationFailure;

/**
 * What a Lincheck failure saw, in Oversell's words, judged by what the failing run showed and never by which
 * scenario ran. Lincheck runs the validation function ({@link OperationsOnDesign#accountsAddUp}) at the end
 * of every run and only then checks the answers against the specification; so:
 * <ul>
 *   <li>the validation found the accounts broken: {@link Finding#OVERSOLD} or {@link Finding#LOST_UPDATE},
 *       as the accounts say;</li>
 *   <li>the answers fit no sequential order, the accounts of that same run having added up:
 *       {@link Finding#NOT_LINEARIZABLE};</li>
 *   <li>a run that hung (a deadlock, a livelock, a timeout): {@link Finding#HUNG}, the trace naming the cycle;</li>
 *   <li>a run that threw where the specification answers: no sequential order explains an answer the
 *       specification never gives, so {@link Finding#NOT_LINEARIZABLE} too, with {@link #lincheckFailure} saying
 *       which.</li>
 * </ul>
 *
 * @param finding         the word
 * @param lincheckFailure Lincheck's kind of failure, as the evidence names it
 * @param detail          what broke, in a line (the accounts, or what was thrown)
 */
record LincheckFinding(Finding finding, String lincheckFailure, String detail) {

    static LincheckFinding of(LincheckFailure failure) {
        if (failure instanceof ValidationFailure validation) {
            Throwable thrown = validation.getException();
            if (thrown instanceof Accounts.AccountsDoNotAddUp broken) {
                return new LincheckFinding(broken.finding, "validation: the accounts do not add up", broken.getMessage());
            }
            return new LincheckFinding(Finding.NOT_LINEARIZABLE, "validation threw", String.valueOf(thrown));
        }
        if (failure instanceof IncorrectResultsFailure) {
            return new LincheckFinding(Finding.NOT_LINEARIZABLE, "incorrect results",
                    "the answers fit no sequential order; the accounts added up");
        }
        if (failure instanceof ManagedDeadlockFailure || failure instanceof ManagedLivelockFailure) {
            return new LincheckFinding(Finding.HUNG, "hung", "a deadlock or livelock: some call never returned");
        }
        if (failure instanceof TimeoutFailure) {
            return new LincheckFinding(Finding.HUNG, "hung", "the run timed out: some call never returned");
        }
        if (failure instanceof UnexpectedExceptionFailure unexpected) {
            return new LincheckFinding(Finding.NOT_LINEARIZABLE, "threw", String.valueOf(unexpected.getException()));
        }
        return new LincheckFinding(Finding.NOT_LINEARIZABLE, failure.getClass().getSimpleName(), failure.toString());
    }
}
