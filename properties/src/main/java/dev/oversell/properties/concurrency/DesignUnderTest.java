package dev.oversell.properties.concurrency;

import dev.oversell.actor.ActorSystem;
import dev.oversell.design.HandedExecutor;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.OnExecutor;
import dev.oversell.design.Design;
import dev.oversell.model.Inventory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The design one Lincheck check drives, and everything the check built for it. Lincheck creates test
 * instances itself, through a no-argument constructor, so the one generic test class asks this holder for an
 * inventory; the driver {@link #open opens} a check before running Lincheck and {@link #close closes} it after,
 * which closes every inventory still open (a run that hung or failed never reached its validation) and then
 * the actor systems the check created. Checks run one after another, never in parallel.
 *
 * <p>How an inventory is built follows the catalogue's {@link Design.Execution}: a caller-thread design
 * through its catalogue factory; a design with threads of its own over an {@link ActorSystem} the check
 * gives it, through its public constructor {@code (ActorSystem, Map<String, Long> initialStock, Duration
 * askTimeout)} &mdash; a deterministic one per inventory (an {@code ActorSystem} over the direct executor
 * {@code Runnable::run}), whose turns the model checker interleaves like the callers' own steps; a design declared
 * {@link InMemoryDesign#onExecutor() on an executor} through its factory, over a substitute of the declared kind
 * that runs tasks on the callers' threads: a {@link SerialDirectExecutor} for a single-thread executor (one task at
 * a time, in order), a {@link CallerRunsPool} for a pool (tasks at once). Each class says what it explores and
 * what it does not.
 */
final class DesignUnderTest implements AutoCloseable {

    /**
     * A timeout no check reaches. On the deterministic dispatcher an answer comes within the run or never (the model
     * checker reports a call that never returns as hung); a timeout of seconds fires on the JDK's timer thread,
     * which the model checker does not control, when a loaded machine makes a run slow: Lincheck then finds the
     * replay of a failing run non-deterministic and cannot check the design at all.
     */
    static final Duration ASK_TIMEOUT = Duration.ofDays(1);

    private static volatile DesignUnderTest current;

    private final InMemoryDesign variant;
    private final Supplier<Inventory> factory;
    private final List<Inventory> inventories = new ArrayList<>();
    private final List<ActorSystem> systems = new ArrayList<>();

    private DesignUnderTest(InMemoryDesign variant) {
        this.variant = variant;
        this.factory = switch (variant.execution()) {
            case CALLER_THREAD -> () -> variant.create(HotProduct.initialStock());
            case OWN_THREADS -> {
                if (variant.onExecutor().isPresent()) {
                    OnExecutor declared = variant.onExecutor().get();
                    yield () -> declared.factory().create(HotProduct.initialStock(), substituteFor(declared.executor()));
                }
                Constructor<? extends Inventory> overSystem = constructorOverActorSystem(variant);
                yield () -> newInstance(overSystem, track(new ActorSystem(variant.name(), Runnable::run)));
            }
            case DATABASE -> throw new IllegalArgumentException(variant.name()
                    + " is a database design; Lincheck drives in-memory designs only");
        };
    }

    /** Starts a check of {@code design}. */
    static DesignUnderTest open(InMemoryDesign variant) {
        DesignUnderTest check = new DesignUnderTest(variant);
        current = check;
        return check;
    }

    /** A fresh inventory of the design under test, holding {@link HotProduct#initialStock()}. */
    static Inventory build() {
        DesignUnderTest check = current;
        if (check == null) {
            throw new IllegalStateException("no design under test: run through LincheckSuite");
        }
        return check.newInventory();
    }

    private Inventory newInventory() {
        Inventory inventory = factory.get();
        synchronized (this) {
            inventories.add(inventory);
        }
        return inventory;
    }

    private synchronized ActorSystem track(ActorSystem system) {
        systems.add(system);
        return system;
    }

    /** Closes every inventory the check built (idempotent, so those a validation closed too), then its actor systems. */
    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (this) {
            toClose.addAll(inventories); // inventories first, then the systems they ran on
            toClose.addAll(systems);
            inventories.clear();
            systems.clear();
        }
        RuntimeException failed = null;
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = new IllegalStateException(variant.name() + ": closing what the check built failed", e);
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** An executor of the declared kind whose tasks run on threads the model checker schedules. */
    private static ExecutorService substituteFor(HandedExecutor kind) {
        if (kind instanceof HandedExecutor.Serial) {
            return new SerialDirectExecutor();
        }
        if (kind instanceof HandedExecutor.Pool) {
            return new CallerRunsPool();
        }
        throw new IllegalArgumentException("no model-checked substitute for " + kind);
    }

    private static Constructor<? extends Inventory> constructorOverActorSystem(InMemoryDesign variant) {
        try {
            return variant.type().asSubclass(Inventory.class).getConstructor(ActorSystem.class, Map.class, Duration.class);
        } catch (NoSuchMethodException missing) {
            throw new IllegalStateException(variant.name() + " runs its calls on threads of its own (OWN_THREADS), but "
                    + variant.type().getSimpleName() + " has no public constructor (ActorSystem, Map<String, Long>,"
                    + " Duration): Lincheck cannot give it threads it controls, so it cannot be checked. Add one, or"
                    + " declare it with onSingleThreadExecutor/onThreadPool if it takes an ExecutorService.",
                    missing);
        }
    }

    private static Inventory newInstance(Constructor<? extends Inventory> constructor, ActorSystem system) {
        try {
            return constructor.newInstance(system, HotProduct.initialStock(), ASK_TIMEOUT);
        } catch (InvocationTargetException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
