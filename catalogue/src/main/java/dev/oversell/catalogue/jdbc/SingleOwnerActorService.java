package dev.oversell.catalogue.jdbc;

import dev.oversell.actor.DefaultActorSystem;
import dev.oversell.catalogue.actor.ActorInventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.script.FencedOut;
import dev.oversell.store.RetryPolicy;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;
import dev.oversell.store.TransactionalInventory;
import dev.oversell.store.owner.OwnedReadModifyWrite;
import dev.oversell.store.owner.SingleOwner;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One app instance of the single-owner actor design: every product is owned by exactly one actor across all
 * instances ({@link OwnerDirectory}); an instance forwards a call for a product it does not own to the owner.
 * The owner runs the seed's autocommit read-then-write ({@link OwnedReadModifyWrite}).
 *
 * <p><b>Why:</b> with one owner per product there is one writer, so read-then-write is safe, as in the
 * one-instance actor. The danger is the hand-over: when an instance leaves, its products move to another,
 * which starts selling while the old owner may still be finishing a purchase it had read the stock for. The
 * fencing token closes that gap: the new owner's claim moves {@code owner_epoch} on, and the old owner's
 * write, carrying the old token, matches no row. The old owner's buyer is then re-routed to the new owner.
 *
 * <p><b>Where it breaks:</b> without the token, the hand-over interleaving oversells (the deployment checks
 * show it, with its script). Routing is in-process here; across processes the same token does the fencing,
 * whatever carries the requests.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code db-single-owner-actor}): in one instance, never oversells on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-single-owner-actor}
 * <p><b>Claims</b> ({@code db-single-owner-actor-unfenced}): in one instance, never oversells on every engine. With
 * several instances sharing the database, may oversell on every engine.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-single-owner-actor-unfenced}
 * <!-- /produced -->
 */
public final class SingleOwnerActorService implements SingleOwner {

    private static final int REROUTES = 3;

    private final OwnerDirectory directory;
    private final ActorInventory owner;
    private final boolean fenced;
    private volatile boolean closed;

    public SingleOwnerActorService(Store store, boolean fenced, boolean ownsStore) {
        this.fenced = fenced;
        Map<String, Long> epochs = new ConcurrentHashMap<>();
        TransactionalInventory handler = new TransactionalInventory(store, new OwnedReadModifyWrite(fenced, epochs),
                RetryPolicy.DEFAULT, ownsStore);
        this.owner = new ActorInventory(DefaultActorSystem.forStores(), handler, ActorOverReadModifyWrite.askTimeout(handler));
        this.directory = OwnerDirectory.join(store, this);
    }

    /** Whether this instance's writes carry the fencing token (what a hand-over check needs to know). */
    @Override
    public boolean fenced() {
        return fenced;
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return routed(request.product(), owner -> owner.owner.buy(request));
    }

    @Override
    public long stock(String product) {
        return routed(product, owner -> owner.owner.stock(product));
    }

    @Override
    public void restock(String product, long units) {
        routed(product, owner -> {
            owner.owner.restock(product, units);
            return null;
        });
    }

    /** Runs {@code call} at the product's owner; re-routes if the owner was fenced out or had just left. */
    private <T> T routed(String product, Function<SingleOwnerActorService, T> call) {
        if (closed) {
            throw new IllegalStateException("inventory is closed");
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < REROUTES; attempt++) {
            SingleOwnerActorService owner = directory.ownerOf(product);
            try {
                return call.apply(owner);
            } catch (StoreException e) {
                if (!(e.getCause() instanceof FencedOut)) {
                    throw e;
                }
                last = e; // the owner lost the product to another instance: ask again who owns it
            } catch (IllegalStateException e) {
                if (!owner.closed) {
                    throw e;
                }
                last = e; // the owner left between routing and asking
            }
        }
        throw new StoreException("no stable owner for " + product + " after " + REROUTES + " re-routings", last);
    }

    /** Leaves the directory (its products move to the others), then stops the actor after its pending work. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            directory.leave(this);
            owner.close();
        }
    }
}
