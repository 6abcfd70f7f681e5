package dev.oversell.catalogue.jdbc;

import dev.oversell.actor.DefaultActorSystem;
import dev.oversell.catalogue.actor.ActorInventory;
import dev.oversell.model.ForwardingInventory;
import dev.oversell.store.RetryPolicy;
import dev.oversell.store.Store;
import dev.oversell.script.TransactionMode;
import dev.oversell.store.TransactionalInventory;

import java.time.Duration;

/**
 * The seed post's actor design: one inventory actor per app instance, whose handler runs read-modify-write in
 * autocommit mode ({@link ReadModifyWrite}, two separate statements) against the database.
 *
 * <p><b>Why:</b> the actor handles one message at a time, so within one instance no two purchases' reads and
 * writes interleave; the actor is the single writer.
 *
 * <p><b>Where it breaks:</b> "single writer" holds only while exactly one actor owns the product. Each app
 * instance starts its own actor: two writers over one database, and the lost update is back (the
 * shared-store column).
 *
 * <p><b>Timeouts:</b> the ask timeout derives from the handler's retry policy and the store's lock timeout
 * ({@link #askTimeout}), never the other way round.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code db-actor-service}): in one instance, never oversells on every engine. With several instances
 * sharing the database, may oversell on every engine.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-actor-service}
 * <!-- /produced -->
 */
public final class ActorOverReadModifyWrite extends ForwardingInventory {

    public ActorOverReadModifyWrite(Store store, boolean ownsStore) {
        this(new TransactionalInventory(store, new ReadModifyWrite(TransactionMode.AUTOCOMMIT), RetryPolicy.DEFAULT,
                ownsStore));
    }

    private ActorOverReadModifyWrite(TransactionalInventory handler) {
        super(new ActorInventory(DefaultActorSystem.forStores(), handler, askTimeout(handler)));
    }

    /**
     * How long a caller waits for the actor's answer: the handler's own worst case (its retries, lock waits and
     * pauses, {@link TransactionalInventory#worstCase}), so that a call handled at once is never reported as
     * timed out while its retries still have time. A call queued behind others in the mailbox can still time
     * out; then the {@code AnswerTimeoutException} says the outcome is unknown, and resubmitting the same request
     * id tells it without applying it twice.
     */
    static Duration askTimeout(TransactionalInventory handler) {
        return handler.worstCase();
    }
}
