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
import org.openjdk.jcstress.infra.results.I_Result;

import java.util.concurrent.CountDownLatch;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A message is sent when the actor is created, and two more while it may be handling that one and going idle.
 * Result: messages handled (within 5 s).
 */
@JCStressTest
@Description("Actor runtime: no lost wake-up, a message sent as the actor goes idle is handled")
@Outcome(id = "3", expect = ACCEPTABLE, desc = "Every message handled")
@Outcome(expect = FORBIDDEN, desc = "Broken: lost wake-up, a message sat in an idle mailbox")
@State
public class NoLostWakeup {

    private final CountDownLatch handled = new CountDownLatch(3);
    private final ActorRef<String> actor = RuntimeUnderTest.SYSTEM.spawn("wake-up",
            () -> message -> handled.countDown(), SupervisionPolicy.RESUME);

    public NoLostWakeup() {
        actor.tell("m0");
    }

    @Actor
    public void sender1() {
        actor.tell("m1");
    }

    @Actor
    public void sender2() {
        actor.tell("m2");
    }

    @Arbiter
    public void judge(I_Result r) {
        r.r1 = RuntimeUnderTest.handled(handled, 3);
        actor.stop(StopMode.FAIL_PENDING);
    }
}
