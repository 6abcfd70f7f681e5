package dev.oversell.actor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an actor stops: what becomes of pending messages, when it counts as terminated, and what it refuses. */
class StopTest extends ActorTestSupport {

    @Test
    void drainAnswersEveryMessageAcceptedBeforeTheStop() throws Exception {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> held = hold(actor, release);
        List<CompletableFuture<Integer>> pending = IntStream.range(0, 3).mapToObj(i -> increment(actor)).toList();

        CompletableFuture<Void> terminated = actor.stop(StopMode.DRAIN);
        assertThatThrownBy(() -> increment(actor)).isInstanceOf(ActorStoppedException.class)
                .hasMessageContaining("stopped");
        release.countDown();

        assertThat(held.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(v -> pending.stream().map(CompletableFuture::join).toList()).get(5, TimeUnit.SECONDS))
                .containsExactly(1, 2, 3);
        terminated.get(5, TimeUnit.SECONDS);
    }

    @Test
    void failPendingFailsEveryQueuedReplyAndFinishesTheCurrentOne() throws Exception {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> held = hold(actor, release);
        List<CompletableFuture<Integer>> pending = IntStream.range(0, 3).mapToObj(i -> increment(actor)).toList();

        CompletableFuture<Void> terminated = actor.stop(StopMode.FAIL_PENDING);
        release.countDown();

        assertThat(held.get(5, TimeUnit.SECONDS)).isZero();
        for (CompletableFuture<Integer> queued : pending) {
            assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ActorStoppedException.class)
                    .hasMessageContaining("stopped before handling");
        }
        terminated.get(5, TimeUnit.SECONDS);
    }

    @Test
    void stoppingAnIdleActorTerminatesIt() throws Exception {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        actor.stop(StopMode.DRAIN).get(5, TimeUnit.SECONDS);
        assertThat(actor.isStopped()).isTrue();
        assertThatThrownBy(() -> actor.tell(new CounterBehavior.Increment(new Reply<>())))
                .isInstanceOf(ActorStoppedException.class);
    }

    @Test
    void closingTheSystemFailsPendingAsksAndRefusesNewActors() throws Exception {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> held = hold(actor, release);
        CompletableFuture<Integer> pending = increment(actor);
        Thread closer = new Thread(system::close);
        closer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!actor.isStopped() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // wait for the close to reach the actor before its held turn ends
        }
        assertThat(actor.isStopped()).as("close() stops the actor while its turn is held").isTrue();
        release.countDown();
        closer.join(15_000);

        assertThat(held.get(5, TimeUnit.SECONDS)).isZero();
        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ActorStoppedException.class);
        assertThatThrownBy(() -> system.spawn("late", CounterBehavior::new, SupervisionPolicy.RESUME))
                .isInstanceOf(ActorStoppedException.class);
    }

    @Test
    void terminatedCompletesOnlyAfterTheTurnStillToRun() {
        ManualExecutor turns = new ManualExecutor();
        ActorSystem manual = new ActorSystem("manual", turns);
        var actor = manual.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        CompletableFuture<Integer> pending = increment(actor);

        CompletableFuture<Void> terminated = actor.stop(StopMode.DRAIN);
        assertThat(terminated).as("terminated with a message still to handle").isNotDone();
        assertThat(turns.pending()).as("turns submitted: the stop must not start a second one").isEqualTo(1);
        assertThat(turns.runAll()).as("turns run to drain and terminate").isEqualTo(1);

        assertThat(pending).isCompletedWithValue(1);
        assertThat(terminated).isCompleted();
        assertThatThrownBy(() -> increment(actor)).isInstanceOf(ActorStoppedException.class);
        assertThat(turns.pending()).as("turns submitted after termination").isZero();
        manual.close();
    }

    @Test
    void aTurnThePoolRejectsFailsWhatIsPendingAndTerminatesTheActor() {
        Executor rejecting = turn -> {
            throw new RejectedExecutionException("pool is shut down");
        };
        ActorSystem gone = new ActorSystem("rejecting", rejecting);
        var actor = gone.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);

        CompletableFuture<Integer> asked = increment(actor); // accepted, then its turn is rejected

        assertThatThrownBy(() -> asked.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ActorStoppedException.class)
                .hasRootCauseInstanceOf(RejectedExecutionException.class);
        assertThat(actor.terminated()).isCompleted();
        assertThat(actor.isStopped()).isTrue();
        assertThatThrownBy(() -> increment(actor)).isInstanceOf(ActorStoppedException.class);
        gone.close();
    }
}
