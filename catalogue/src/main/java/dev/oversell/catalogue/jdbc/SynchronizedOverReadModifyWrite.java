package dev.oversell.catalogue.jdbc;

import dev.oversell.catalogue.memory.SynchronizedInventory;
import dev.oversell.model.ForwardingInventory;
import dev.oversell.store.RetryPolicy;
import dev.oversell.store.Store;
import dev.oversell.store.TransactionMode;
import dev.oversell.store.TransactionalInventory;

/**
 * The seed post's service: a {@code synchronized} method around read-modify-write in autocommit mode
 * ({@link ReadModifyWrite} with two separate statements), over a database.
 *
 * <p><b>Claims:</b> never oversells in one instance, on every engine; may oversell once several instances
 * share the database.
 *
 * <p><b>Why:</b> inside one JVM the monitor lets one purchase at a time run its read and its write, so no two
 * reads see the same stock. The database is not protecting anything: the JVM is.
 *
 * <p><b>Where it breaks:</b> a second app server has its own monitor. Its read can fall between this one's
 * read and write: the same lost update as unsynchronised read-modify-write (the shared-store column).
 * Run: {@code mvn verify} (load runs on each engine).
 */
public final class SynchronizedOverReadModifyWrite extends ForwardingInventory {

    public SynchronizedOverReadModifyWrite(Store store, boolean ownsStore) {
        super(new SynchronizedInventory(new TransactionalInventory(store,
                new ReadModifyWrite(TransactionMode.AUTOCOMMIT), RetryPolicy.DEFAULT, ownsStore)));
    }
}
