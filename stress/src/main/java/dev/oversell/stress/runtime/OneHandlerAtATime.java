package dev.oversell.stress.runtime;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.StopMode;
import dev.oversell.actor.SupervisionPolicy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** Two senders, one actor. Result: 1 if two handlers ever ran at once, handlers that ran. */
@JCStressTest
@Description("Actor runtime: never two handlers of one actor at once")
@Outcome(id = "0, 2", expect = ACCEPTABLE, desc = "Both messages handled, one at a time")
@Outcome(expect = FORBIDDEN, desc = "Broken: two handlers overlapped, or a message was never handled")
@State
public class OneHandlerAtATime {

    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean overlapped;
    private final CountDownLatch done = new CountDownLatch(2);
    private final ActorRef<String> actor = RuntimeUnderTest.SYSTEM.spawn("one-at-a-time", () -> message -> {
        if (inside.incrementAndGet() != 1) {
            overlapped = true;
        }
        inside.decrementAndGet();
        done.countDown();
    }, SupervisionPolicy.RESUME);

    @Actor
    public void sender1() {
        actor.tell("m1");
    }

    @Actor
    public void sender2() {
        actor.tell("m2");
    }

    @Arbiter
    public void judge(II_Result r) {
        r.r2 = RuntimeUnderTest.handled(done, 2);
        r.r1 = overlapped ? 1 : 0;
        actor.stop(StopMode.FAIL_PENDING);
    }
}
