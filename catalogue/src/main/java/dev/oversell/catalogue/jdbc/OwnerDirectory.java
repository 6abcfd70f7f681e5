package dev.oversell.catalogue.jdbc;

import dev.oversell.store.Store;
import dev.oversell.store.owner.OwnedReadModifyWrite;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which instance owns which product, for the instances of a {@link SingleOwnerActorService} sharing one store
 * (in one JVM: requests are forwarded between instances in-process). The owner of a product is a deterministic
 * function of the product and the live members: {@code members[floorMod(hash(product), size)]}, members in
 * the order they joined. When a member leaves, its products move to others: a hand-over, which the fencing
 * token makes safe (see {@link OwnedReadModifyWrite}).
 */
public final class OwnerDirectory {

    private static final Map<String, OwnerDirectory> BY_STORE = new ConcurrentHashMap<>();

    private final String key;
    private final List<SingleOwnerActorService> members = new CopyOnWriteArrayList<>();

    private OwnerDirectory(String key) {
        this.key = key;
    }

    /**
     * Joins {@code member} to the directory of the instances sharing {@code store}: the same tables of the same
     * database (as {@link dev.oversell.store.Database#toString()} names it).
     */
    static OwnerDirectory join(Store store, SingleOwnerActorService member) {
        synchronized (BY_STORE) {
            // the tables' names alone are not enough: two checks at once (one per database server) run the same
            // design over tables of the same names on two servers, and must not share their owners
            OwnerDirectory directory = BY_STORE.computeIfAbsent(store.database() + ": " + store.stockTable(),
                    OwnerDirectory::new);
            directory.members.add(member);
            return directory;
        }
    }

    /** Removes {@code member}; its products move to the others. The last one out removes the directory. */
    void leave(SingleOwnerActorService member) {
        synchronized (BY_STORE) {
            members.remove(member);
            if (members.isEmpty()) {
                BY_STORE.remove(key);
            }
        }
    }

    /** The live owner of {@code product}; fails if no instance is left. */
    SingleOwnerActorService ownerOf(String product) {
        List<SingleOwnerActorService> live = List.copyOf(members);
        if (live.isEmpty()) {
            throw new IllegalStateException("no instance is left to own " + product);
        }
        return live.get(Math.floorMod(product.hashCode() * 0x9E3779B9, live.size()));
    }
}
