package dev.oversell.model.jdbc;

import dev.oversell.model.actor.ActorInventory;
import dev.oversell.model.actor.DefaultActorSystem;
import dev.oversell.store.RetryPolicy;
import dev.oversell.store.Store;
import dev.oversell.store.TransactionMode;
import dev.oversell.store.TransactionalInventory;

import java.time.Duration;

/**
 * The seed post's actor design: one inventory actor per app instance, whose handler runs read-modify-write in
 * autocommit mode ({@link ReadModifyWrite}, two separate statements) against the database.
 *
 * <p><b>Claims:</b> never oversells in one instance, on every engine; may oversell once several instances
 * share the database.
 *
 * <p><b>Why:</b> the actor handles one message at a time, so within one instance no two purchases' reads and
 * writes interleave; the actor is the single writer.
 *
 * <p><b>Where it breaks:</b> "single writer" holds only while exactly one actor owns the product. Each app
 * instance starts its own actor: two writers over one database, and the lost update is back (the
 * shared-store column). Run: {@code mvn verify} (load runs on each engine).
 */
public final class ActorOverReadModifyWrite extends ForwardingInventory {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

    public ActorOverReadModifyWrite(Store store, boolean ownsStore) {
        super(new ActorInventory(DefaultActorSystem.get(), new TransactionalInventory(store,
                new ReadModifyWrite(TransactionMode.AUTOCOMMIT), RetryPolicy.DEFAULT, ownsStore), ASK_TIMEOUT));
    }
}
