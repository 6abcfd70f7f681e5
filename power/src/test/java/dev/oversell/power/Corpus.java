package dev.oversell.power;

import dev.oversell.actor.ActorSystem;
import dev.oversell.actor.DefaultActorSystem;
import dev.oversell.design.Claim;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Design;
import dev.oversell.design.DesignProvider;
import dev.oversell.model.Inventory;
import dev.oversell.power.corpus.ActorAnswersBeforeItTakes_Broken;
import dev.oversell.power.corpus.ActorCallerChecksFirst_Broken;
import dev.oversell.power.corpus.ActorDeduplicatedByTheCaller_BrokenRetryAppliedTwice;
import dev.oversell.power.corpus.ActorOwnsTheShelf;
import dev.oversell.power.corpus.ActorRemembersRequestIds_CallerCachesAnswers;
import dev.oversell.power.corpus.ActorRestockedOnTheCallersThread_BrokenLostRestock;
import dev.oversell.power.corpus.AtomicCheckThenAdd_Broken;
import dev.oversell.power.corpus.CachedStockRead_BrokenStale;
import dev.oversell.power.corpus.CheckAndActInTwoLocks_Broken;
import dev.oversell.power.corpus.CheckThenAct_BrokenUnguarded;
import dev.oversell.power.corpus.CompareAndSetLoop;
import dev.oversell.power.corpus.DoubleCheckedWithoutVolatile_Broken;
import dev.oversell.power.corpus.GateThatCountsEveryone;
import dev.oversell.power.corpus.GateThatCountsTwo_BrokenForThreeBuyers;
import dev.oversell.power.corpus.LockPerCall_Broken;
import dev.oversell.power.corpus.OneMonitor;
import dev.oversell.power.corpus.OneUnitAtATime_BrokenMultiUnit;
import dev.oversell.power.corpus.OrderCheckedThenTakenInTwoLocks_Broken;
import dev.oversell.power.corpus.OrderLocksLinesInProductOrder;
import dev.oversell.power.corpus.OrderLocksLinesInTheirOrder_BrokenDeadlock;
import dev.oversell.power.corpus.OrderTakenLineByLine_BrokenPartial;
import dev.oversell.power.corpus.OwnerThreadChecksAndTakes;
import dev.oversell.power.corpus.OwnerThreadTakesWhatTheCallerChecked_Broken;
import dev.oversell.power.corpus.PerProductLocksInOrder;
import dev.oversell.power.corpus.RequestIdCheckedOutsideTheLock_BrokenRetryAppliedTwice;
import dev.oversell.power.corpus.RestockReadOutsideTheLock_BrokenLostRestock;
import dev.oversell.power.corpus.SharedScratchAcrossProducts_BrokenLeak;
import dev.oversell.power.corpus.SlowOneMonitor;
import dev.oversell.power.corpus.TryLockFallsThrough_Broken;
import dev.oversell.power.corpus.TwoMonitors_BrokenLostRestock;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * The in-memory corpus: the only list of its designs, registered for this module's tests only
 * ({@code src/test/resources/META-INF/services}). Every design claims what its author believed, that it never
 * oversells; whether it really does is what its {@link KnownBug} or {@link CorrectTwin} annotation says (read as a
 * {@link CorpusEntry}, as the database corpus's are), and what the checks must find out for themselves. A design's
 * name is its class's, in lower case with dashes.
 */
public final class Corpus implements DesignProvider {

    /** Designs whose every call runs on the caller's thread. */
    static final List<Class<? extends Inventory>> ON_THE_CALLERS_THREAD = List.of(
            CheckThenAct_BrokenUnguarded.class,
            LockPerCall_Broken.class,
            CheckAndActInTwoLocks_Broken.class,
            TwoMonitors_BrokenLostRestock.class,
            RestockReadOutsideTheLock_BrokenLostRestock.class,
            GateThatCountsTwo_BrokenForThreeBuyers.class,
            RequestIdCheckedOutsideTheLock_BrokenRetryAppliedTwice.class,
            CachedStockRead_BrokenStale.class,
            DoubleCheckedWithoutVolatile_Broken.class,
            SharedScratchAcrossProducts_BrokenLeak.class,
            AtomicCheckThenAdd_Broken.class,
            OneUnitAtATime_BrokenMultiUnit.class,
            TryLockFallsThrough_Broken.class,
            OneMonitor.class,
            SlowOneMonitor.class,
            CompareAndSetLoop.class,
            PerProductLocksInOrder.class,
            GateThatCountsEveryone.class,
            OrderCheckedThenTakenInTwoLocks_Broken.class,
            OrderLocksLinesInTheirOrder_BrokenDeadlock.class,
            OrderTakenLineByLine_BrokenPartial.class,
            OrderLocksLinesInProductOrder.class);

    /** Actor designs: constructed over an {@link ActorSystem} the check gives them. */
    static final List<Class<? extends Inventory>> ON_THEIR_OWN_THREADS = List.of(
            ActorCallerChecksFirst_Broken.class,
            ActorAnswersBeforeItTakes_Broken.class,
            ActorRestockedOnTheCallersThread_BrokenLostRestock.class,
            ActorDeduplicatedByTheCaller_BrokenRetryAppliedTwice.class,
            ActorOwnsTheShelf.class,
            ActorRemembersRequestIds_CallerCachesAnswers.class);

    /** Designs constructed over a single-thread executor the check hands them ({@code (Map, ExecutorService)}). */
    static final List<Class<? extends Inventory>> ON_A_SINGLE_THREAD_EXECUTOR = List.of(
            OwnerThreadTakesWhatTheCallerChecked_Broken.class,
            OwnerThreadChecksAndTakes.class);

    @Override
    public List<Design> designs() {
        List<Design> designs = new ArrayList<>();
        ON_THE_CALLERS_THREAD.forEach(type -> designs.add(declared(type).runsOnCallerThread().build()));
        ON_THEIR_OWN_THREADS.forEach(type -> designs.add(declared(type).runsOnOwnThreads().build()));
        ON_A_SINGLE_THREAD_EXECUTOR.forEach(type -> designs.add(declared(type)
                .onSingleThreadExecutor(type, (stock, executor) -> construct(type,
                        new Class<?>[] {Map.class, ExecutorService.class}, stock, executor)).build()));
        return designs;
    }

    private static <T extends Inventory> InMemoryDesign.Builder declared(Class<T> type) {
        boolean actor = ON_THEIR_OWN_THREADS.contains(type);
        return InMemoryDesign.named(nameOf(type))
                .of(type, stock -> actor
                        ? construct(type, new Class<?>[] {ActorSystem.class, Map.class, Duration.class},
                                DefaultActorSystem.get(), stock, Duration.ofSeconds(5))
                        : construct(type, new Class<?>[] {Map.class}, stock))
                .claims(Claim.NEVER_OVERSELLS).mechanism(mechanismOf(type));
    }

    /** Every design with what the checks must make of it, in the corpus's order. */
    static List<CorpusEntry> entries() {
        List<Design> designs = new Corpus().designs();
        List<Class<? extends Inventory>> types = types();
        return java.util.stream.IntStream.range(0, types.size())
                .mapToObj(i -> new CorpusEntry(designs.get(i), types.get(i))).toList();
    }

    /** Every design's class, in the corpus's order. */
    static List<Class<? extends Inventory>> types() {
        return Stream.of(ON_THE_CALLERS_THREAD, ON_THEIR_OWN_THREADS, ON_A_SINGLE_THREAD_EXECUTOR)
                .flatMap(List::stream).toList();
    }

    /** {@code CheckThenAct_BrokenUnguarded} is {@code check-then-act-broken-unguarded}. */
    static String nameOf(Class<?> type) {
        return type.getSimpleName().replace("_", "").replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-").toLowerCase();
    }

    private static String mechanismOf(Class<?> type) {
        KnownBug bug = type.getAnnotation(KnownBug.class);
        CorrectTwin twin = type.getAnnotation(CorrectTwin.class);
        return bug != null ? "known bug: " + bug.value() : twin == null ? "" : "correct twin: " + twin.value();
    }

    private static <T extends Inventory> T construct(Class<T> type, Class<?>[] parameters, Object... arguments) {
        try {
            return type.getConstructor(parameters).newInstance(arguments);
        } catch (InvocationTargetException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no public constructor " + List.of(parameters), e);
        }
    }
}
