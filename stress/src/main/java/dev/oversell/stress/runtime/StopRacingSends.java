package dev.oversell.stress.runtime;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.ActorStoppedException;
import dev.oversell.actor.AwaitsReply;
import dev.oversell.actor.Reply;
import dev.oversell.actor.StopMode;
import dev.oversell.actor.SupervisionPolicy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * One thread sends a {@code tell} then an {@code ask}, so the told message's turn may be ending on a pool thread
 * while the ask is sent and another thread stops the actor ({@code DRAIN}). Result: what became of the told
 * message, of the asked one, and of the actor (terminated within 5 s, with no handler running after it). A send
 * refused at the door throws {@link ActorStoppedException}; an accepted one must be handled, or its reply failed
 * by the stop; never lost.
 */
@JCStressTest
@Description("Actor runtime: a stop racing sends loses no message, and no handler runs after terminated")
@Outcome(id = {"handled, handled, terminated", "handled, refused, terminated", "refused, refused, terminated"},
        expect = ACCEPTABLE, desc = "Each message handled, or refused at the door; terminated after the last handler")
@Outcome(id = "(handled|refused), failed, terminated", expect = ACCEPTABLE,
        desc = "The ask's reply failed by the stop (ActorStoppedException); terminated after the last handler")
@Outcome(expect = FORBIDDEN,
        desc = "Broken: a message lost (accepted, never handled, reply never failed), a handler ran after terminated,"
                + " or the actor never terminated")
@State
public class StopRacingSends {

    private static final long WAIT_SECONDS = 5;

    /** What the ask sends: the handler answers its reply. */
    record Asked(Reply<String> replyTo) implements AwaitsReply {
    }

    private final CountDownLatch toldDone = new CountDownLatch(1);
    private final CountDownLatch askedDone = new CountDownLatch(1);
    private volatile boolean handledAfterTermination;
    private volatile boolean toldRefused;
    private volatile CompletableFuture<String> asked; // null if refused

    private final ActorRef<Object> actor = RuntimeUnderTest.SYSTEM.spawn("stop-race", () -> this::handle,
            SupervisionPolicy.RESUME);

    private void handle(Object message) {
        if (message instanceof Asked ask) {
            ask.replyTo().complete("answered");
        }
        if (actor.terminated().isDone()) { // at the end of the handler: done now if done at its start, or in between
            handledAfterTermination = true;
        }
        (message instanceof Asked ? askedDone : toldDone).countDown();
    }

    @Actor
    public void sender() {
        try {
            actor.tell("told");
        } catch (ActorStoppedException refused) {
            toldRefused = true;
        }
        try {
            asked = actor.<String>ask(Asked::new, Duration.ofSeconds(WAIT_SECONDS));
        } catch (ActorStoppedException refused) {
            asked = null;
        }
    }

    @Actor
    public void stopper() {
        actor.stop(StopMode.DRAIN);
    }

    @Arbiter
    public void judge(LLL_Result r) {
        boolean terminated = awaitTerminated();
        r.r1 = toldRefused ? "refused" : RuntimeUnderTest.handled(toldDone, 1) == 1 ? "handled" : "lost";
        r.r2 = asked == null ? "refused" : fateOfAsk();
        r.r3 = !terminated ? "not terminated in " + WAIT_SECONDS + " s"
                : handledAfterTermination ? "a handler ran after terminated" : "terminated";
    }

    private String fateOfAsk() {
        try {
            asked.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return RuntimeUnderTest.handled(askedDone, 1) == 1 ? "handled" : "answered, no handler ran";
        } catch (ExecutionException failed) {
            return failed.getCause() instanceof ActorStoppedException ? "failed"
                    : "lost (" + failed.getCause().getClass().getSimpleName() + ")";
        } catch (TimeoutException | InterruptedException neverAnswered) {
            return "lost";
        }
    }

    private boolean awaitTerminated() {
        try {
            actor.terminated().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (Exception notTerminated) {
            return false;
        }
    }
}
