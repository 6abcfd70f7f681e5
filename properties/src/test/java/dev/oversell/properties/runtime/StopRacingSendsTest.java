package dev.oversell.properties.runtime;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.ActorStoppedException;
import dev.oversell.actor.ActorSystem;
import dev.oversell.actor.AwaitsReply;
import dev.oversell.actor.Reply;
import dev.oversell.actor.StopMode;
import dev.oversell.actor.SupervisionPolicy;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The actor runtime's stop ({@code DRAIN}), raced against two sends under Lincheck's model checker, which
 * explores the interleavings of the three threads step by step: a failure is an interleaving, printed, not a
 * matter of luck. The actor system runs turns on a direct executor, so every turn runs on one of those threads
 * and the checker sees each step of the mailbox.
 *
 * <p>What must hold in every interleaving: each message is refused at the door ({@link ActorStoppedException}
 * thrown by the send), handled, or (a message that awaits a reply) has its reply failed by the runtime; never
 * lost; and no handler runs once {@code terminated()} has completed. The message that awaits a reply is what
 * {@code ask} sends; {@code ask} itself is not called here, because the timer behind its timeout is a thread
 * outside the check that Lincheck cannot follow, and the handler never throws, so a reply done but not handled
 * was failed by the stop.
 *
 * <p>Power, as measured: on a mailbox that cleared its scheduling flag before deciding to terminate, the checker
 * printed, within 2,000 invocations (about 15 s), an interleaving in which a second turn started while the
 * first completed {@code terminated()}, so a handler ran after it. The other face of that bug, a message lost
 * because both sender and stopper saw the mailbox already terminated, needs three preemptions at exact points
 * and was not reached in 20,000 invocations; {@code StopRacingSends} (jcstress) watches for it as well.
 *
 * <p>Rerun: {@code mvn -B -o -pl properties -am verify -Dtest=StopRacingSendsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.jcstress.skip=true}.
 */
class StopRacingSendsTest {

    private static final int INVOCATIONS = 2_000;
    private static final String RERUN = "rerun: mvn -B -o -pl properties -am verify -Dtest=StopRacingSendsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Doversell.jcstress.skip=true";

    /** What the handler records: a flag per message, so that the checked steps are few and all the runtime's. */
    sealed interface Message {
        AtomicBoolean handled();
    }

    /** Sent with {@code tell}: no reply. */
    record Told(AtomicBoolean handled) implements Message {
    }

    /** What {@code ask} sends: the handler answers {@code replyTo}, and a stop fails it. */
    record Asked(AtomicBoolean handled, Reply<String> replyTo) implements Message, AwaitsReply {
    }

    @Test
    void everyMessageSentAroundAStopIsHandledOrFailedAndNothingRunsAfterTermination() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            ActorSystem system = new ActorSystem("lincheck", Runnable::run);
            AtomicBoolean handledAfterTermination = new AtomicBoolean();
            AtomicReference<ActorRef<Message>> self = new AtomicReference<>();
            ActorRef<Message> actor = system.spawn("racer", () -> message -> {
                message.handled().set(true);
                if (message instanceof Asked asked) {
                    asked.replyTo().complete("answered");
                }
                if (self.get().terminated().isDone()) { // done at the end if done at the start, or in between
                    handledAfterTermination.set(true);
                }
            }, SupervisionPolicy.RESUME);
            self.set(actor);

            Told toldMessage = new Told(new AtomicBoolean());
            Asked askedMessage = new Asked(new AtomicBoolean(), new Reply<>());
            AtomicBoolean toldRefused = new AtomicBoolean();
            AtomicBoolean askedRefused = new AtomicBoolean();
            Thread teller = new Thread(() -> send(() -> actor.tell(toldMessage), toldRefused));
            Thread asker = new Thread(() -> send(() -> actor.tell(askedMessage), askedRefused));
            Thread stopper = new Thread(() -> actor.stop(StopMode.DRAIN));
            teller.start();
            asker.start();
            stopper.start();
            join(teller);
            join(asker);
            join(stopper);

            String told = toldRefused.get() ? "refused at the door"
                    : toldMessage.handled().get() ? "handled" : "LOST: accepted, never handled";
            String asked = askedRefused.get() ? "refused at the door"
                    : askedMessage.handled().get() ? "handled"
                    : askedMessage.replyTo().isDone() ? "reply failed by the stop"
                    : "LOST: accepted, never handled, reply never failed (an ask would only time out)";
            if (told.startsWith("LOST") || asked.startsWith("LOST")) {
                throw new AssertionError("a message sent around a stop was lost. told: " + told + "; asked: "
                        + asked + "; terminated: " + actor.terminated().isDone() + "; " + RERUN);
            }
            if (handledAfterTermination.get()) {
                throw new AssertionError("a handler ran after terminated() had completed. told: " + told
                        + "; asked: " + asked + "; " + RERUN);
            }
            if (!actor.terminated().isDone()) {
                throw new AssertionError("stopped, every send returned and every turn ran, yet not terminated. told: "
                        + told + "; asked: " + asked + "; " + RERUN);
            }
        });
    }

    private static void send(Runnable send, AtomicBoolean refused) {
        try {
            send.run();
        } catch (ActorStoppedException stopped) {
            refused.set(true);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while joining " + thread.getName(), e);
        }
    }
}
