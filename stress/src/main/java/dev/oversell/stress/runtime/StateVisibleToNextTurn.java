package dev.oversell.stress.runtime;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.Behavior;
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

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * One sender makes the actor write two plain fields, the other makes it read them; the turns may run on
 * different pool threads. Result: the two fields as the reading turn saw them.
 */
@JCStressTest
@Description("Actor runtime: state written in one turn is visible, whole, to the next turn on another thread")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The read turn ran first")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The read turn saw the whole write")
@Outcome(expect = FORBIDDEN, desc = "Broken: the read turn saw part of an earlier turn's writes")
@State
public class StateVisibleToNextTurn {

    private final CountDownLatch done = new CountDownLatch(2);
    private int seenA = -1;
    private int seenB = -1;

    /** Plain fields, no volatile: the runtime's hand-off between turns must publish them. */
    private final class Fields implements Behavior<String> {
        private int a;
        private int b;

        @Override
        public void receive(String message) {
            if (message.equals("write")) {
                a = 1;
                b = 1;
            } else {
                seenA = a;
                seenB = b;
            }
            done.countDown();
        }
    }

    private final ActorRef<String> actor = RuntimeUnderTest.SYSTEM.spawn("visibility", Fields::new,
            SupervisionPolicy.RESUME);

    @Actor
    public void writer() {
        actor.tell("write");
    }

    @Actor
    public void reader() {
        actor.tell("read");
    }

    @Arbiter
    public void judge(II_Result r) {
        RuntimeUnderTest.handled(done, 2); // the latch publishes seenA and seenB to this thread
        r.r1 = seenA;
        r.r2 = seenB;
        actor.stop(StopMode.FAIL_PENDING);
    }
}
