package dev.oversell.catalogue.jdbc;

import dev.oversell.catalogue.memory.SynchronizedInventory;
import dev.oversell.model.ForwardingInventory;
import dev.oversell.store.RetryPolicy;
import dev.oversell.store.Store;
import dev.oversell.script.TransactionMode;
import dev.oversell.store.TransactionalInventory;

/**
 * The seed post's service: a {@code synchronized} method around read-modify-write in autocommit mode
 * ({@link ReadModifyWrite} with two separate statements), over a database.
 *
 * <p><b>Why:</b> inside one JVM the monitor lets one purchase at a time run its read and its write, so no two
 * reads see the same stock. The database is not protecting anything: the JVM is.
 *
 * <p><b>Where it breaks:</b> a second app server has its own monitor. Its read can fall between this one's
 * read and write: the same lost update as unsynchronised read-modify-write (the shared-store column).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code db-synchronized-service}): in one instance, never oversells on every engine. With several
 * instances sharing the database, may oversell on every engine.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-synchronized-service}
 * <!-- /produced -->
 */
public final class SynchronizedOverReadModifyWrite extends ForwardingInventory {

    public SynchronizedOverReadModifyWrite(Store store, boolean ownsStore) {
        super(new SynchronizedInventory(new TransactionalInventory(store,
                new ReadModifyWrite(TransactionMode.AUTOCOMMIT), RetryPolicy.DEFAULT, ownsStore)));
    }
}
