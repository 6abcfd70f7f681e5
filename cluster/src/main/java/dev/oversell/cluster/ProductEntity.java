package dev.oversell.cluster;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.script.FencedOut;
import dev.oversell.store.RetryPolicy;
import dev.oversell.store.Store;
import dev.oversell.store.TransactionalInventory;
import dev.oversell.store.owner.OwnedReadModifyWrite;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-owner design on Pekko Cluster Sharding: one sharded entity per product, the only writer of that
 * product's stock, running the seed's autocommit read-then-write through to the shared database
 * ({@link OwnedReadModifyWrite}, the tables of {@link Store}). Two designs: <b>fenced</b>, whose writes carry
 * the entity's fencing token, and <b>unfenced</b>, the seed's plain write.
 *
 * <p><b>What Pekko guarantees.</b> In a healthy cluster with a downing strategy (here the split-brain resolver,
 * keep-majority), Cluster Sharding runs at most one entity per id: a shard lives in one node's region, and it
 * moves only by a hand-off (the old region stops the shard's entities, then the coordinator allocates it
 * elsewhere) or after its node was downed and removed, {@code stable-after} after the resolver's decision, by
 * which time the other side of a split has downed itself too. With one entity per product there is one writer,
 * so read-then-write cannot interleave with another writer: that is the whole argument of the design.
 *
 * <p><b>Which fault tests which part of it</b> (the faults of {@link FaultSchedule}):
 * <ul>
 *   <li>The owner's node killed (SIGKILL): a dead process writes nothing more. A purchase it had sent is
 *       rolled back by the engine when the connection drops, or committed if its commit had arrived; either
 *       way before the new incarnation starts elsewhere, seconds later (failure detection, then
 *       {@code stable-after}). Buyers meanwhile time out. The guarantee holds.</li>
 *   <li>A graceful leave and a node joining (rebalance, hand-off): this entity handles one purchase at a time,
 *       synchronously on its own dispatcher, so the hand-off's stop reaches it between two purchases, never
 *       during one. The guarantee holds. (An entity that ran its JDBC asynchronously and let the stop in
 *       while a write was still on its way would not have this.)</li>
 *   <li>The coordinator's node killed: shard allocation waits for a new coordinator, which recovers the
 *       allocations from distributed data; a region keeps serving the shards it has. The guarantee holds.</li>
 *   <li>The owner paused (SIGSTOP, standing for a long GC pause or a frozen VM) until the others have downed it,
 *       then resumed: this is where it breaks. The majority downs the silent node after {@code stable-after} and
 *       starts the entity elsewhere, while the paused process, once it runs again, still hosts the shard until it
 *       learns it was downed: the purchase it was in the middle of finishes, and what was queued for it runs. For
 *       that moment two incarnations write. Paused at a random moment ({@code pause-owner}) the old incarnation is
 *       seldom between a read and a write, and the unfenced design nearly always holds (one oversell in some ten
 *       runs was seen). Paused <em>at the program point</em> between its read and its write
 *       ({@code pause-owner-mid-purchase}: {@link StallPoint} holds one armed purchase per lane there while the
 *       runner sends SIGSTOP), it oversells on every run: the new incarnation sells {@code k} units, then the old
 *       one writes the stock it read before the pause, and those {@code k} units are sold again.</li>
 * </ul>
 * Pekko's guarantee is about entities, not about their writes: at most one <em>live</em> incarnation per id in a
 * healthy cluster, but a paused process is not live to the others and is still running to itself. Split brain
 * without a resolver (not configured here: keep-majority is) breaks it the same way, on a larger scale.
 *
 * <p>The stall point is in both designs' purchase, between the {@code read} and {@code write} steps; it does
 * nothing unless the fault runner armed the purchase's request id.</p>
 *
 * <p><b>How the fencing token closes the gap.</b> An incarnation, before its first purchase, claims the product:
 * {@code UPDATE stock SET owner_epoch = owner_epoch + 1} in its own transaction, keeping the new value as its
 * token. Every write then carries it, and the engine checks it in the same statement as the write:
 * <pre>
 *   UPDATE ovs_&lt;id&gt;_stock SET stock = ? WHERE product = ? AND owner_epoch = ?   -- 0 rows: fenced out
 * </pre>
 * A later incarnation's claim has moved {@code owner_epoch} on, so an older incarnation's write matches no row and
 * is rolled back with its purchase record; its buyer is told the purchase failed (and may resubmit the same
 * request id, which is never applied twice). A fenced-out entity stops: the next message for the product starts
 * a fresh incarnation, with a fresh claim, wherever Sharding now places it. Safety no longer rests on Pekko's
 * timing, only on the engine's row check; what the split costs is purchases refused, not units oversold.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code pekko-sharded-owner-fenced}): with several node processes sharing the database, never
 * oversells on PostgreSQL, MariaDB and MariaDB with snapshot isolation; claims nothing on H2 (three node processes
 * cannot share a private in-memory H2).
 * <p><b>See it</b>: {@code mvn -q -pl cluster -am verify -Dtest=ShardedOwnerFaultsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=postgresql}
 * <p><b>Claims</b> ({@code pekko-sharded-owner-unfenced}): with several node processes sharing the database, may
 * oversell on PostgreSQL, MariaDB and MariaDB with snapshot isolation; claims nothing on H2 (three node processes
 * cannot share a private in-memory H2).
 * <p><b>See it</b>: {@code mvn -q -pl cluster -am verify -Dtest=ShardedOwnerFaultsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=postgresql}
 * <!-- /produced -->
 */
public final class ProductEntity {

    /** The one entity type: every lane's entity for product {@code p} lives in shard {@code p}. */
    public static final EntityTypeKey<Command> TYPE = EntityTypeKey.create(Command.class, "OversellProduct");

    private ProductEntity() {
    }

    /** What an entity is asked. Java-serialized between nodes (see {@code cluster-node.conf}). */
    public sealed interface Command extends Serializable permits Buy, Locate {
    }

    /** Buy {@code quantity} units; answered with a {@link Reply}. */
    public record Buy(String requestId, int quantity, ActorRef<Reply> replyTo) implements Command {
    }

    /** Where does this entity run? Starts it if it does not (as any message would). */
    public record Locate(ActorRef<Reply> replyTo) implements Command {
    }

    /**
     * An answer: units sold and the stock seen (out of stock), or {@code failure} (nothing applied by this call,
     * or unknown if the connection died while committing); the node that answered and the incarnation's token.
     */
    public record Reply(int unitsSold, long stockSeen, String failure, String node, long token)
            implements Serializable {
    }

    /** The entity id of {@code product} in {@code lane}. */
    public static String entityId(String lane, String product) {
        return lane + "|" + product;
    }

    /** The shard of an entity: its product, so that a fault on the product's node hits every lane at once. */
    public static String shardOf(String entityId) {
        return entityId.substring(entityId.indexOf('|') + 1);
    }

    static String laneOf(String entityId) {
        return entityId.substring(0, entityId.indexOf('|'));
    }

    /** A fresh incarnation of the entity {@code entityId} on {@code node}, writing to {@code store}. */
    static Behavior<Command> create(String entityId, Store store, boolean fenced, String node) {
        return Behaviors.setup(context -> {
            String product = shardOf(entityId);
            Map<String, Long> tokens = new HashMap<>(); // this incarnation's token, once claimed
            TransactionalInventory inventory = new TransactionalInventory(store, new StallBetweenReadAndWrite(
                    new OwnedReadModifyWrite(fenced, tokens), tokens), RetryPolicy.DEFAULT, false);
            context.getLog().info("entity {} started on {}", entityId, node);
            return Behaviors.receive(Command.class)
                    .onMessage(Buy.class, buy -> {
                        try {
                            PurchaseResult result = inventory.buy(
                                    PurchaseRequest.of(buy.requestId(), product, buy.quantity()));
                            long seen = result instanceof PurchaseResult.OutOfStock out ? out.stockSeen() : -1;
                            buy.replyTo().tell(new Reply(result.unitsSold(), seen, null, node,
                                    tokens.getOrDefault(product, 0L)));
                            return Behaviors.same();
                        } catch (RuntimeException e) {
                            boolean fencedOut = e.getCause() instanceof FencedOut;
                            buy.replyTo().tell(new Reply(0, -1, (fencedOut ? "fenced out: " : "failed: ")
                                    + e.getMessage(), node, 0));
                            if (fencedOut) {
                                context.getLog().warn("entity {} on {} fenced out; stopping", entityId, node);
                                return Behaviors.stopped();
                            }
                            return Behaviors.same();
                        }
                    })
                    .onMessage(Locate.class, locate -> {
                        locate.replyTo().tell(new Reply(0, -1, null, node, tokens.getOrDefault(product, 0L)));
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
