package dev.oversell.properties.database.jdbc;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Carries a scheduled transaction from the thread that runs a purchase call to the threads a service hands its
 * work to, so that the statements sent there are that transaction's and wait their turn at the gate. It is a
 * Micrometer context-propagation {@link ThreadLocalAccessor} (registered through {@code ServiceLoader}): whatever
 * propagates context that way carries it, Oversell's actor runtime (a message is handled with the context it was
 * sent with), and any executor wrapped with {@code ContextExecutorService.wrap}. A service whose threads take no
 * context along sends nothing through the gate, and the runner says so instead of passing it.
 */
public final class ScheduledTransactionAccessor implements ThreadLocalAccessor<Object> {

    /** The key of the scheduled transaction in a context snapshot. */
    public static final String KEY = "dev.oversell.scheduled-transaction";

    @Override
    public Object key() {
        return KEY;
    }

    /** Asked when a context snapshot is taken: on the sending thread, work is being handed over. */
    @Override
    public Object getValue() {
        ScheduledTransaction transaction = SchedulingDataSource.current();
        if (transaction != null) {
            transaction.handingOver();
        }
        return transaction;
    }

    @Override
    public void setValue(Object value) {
        SchedulingDataSource.bindWorker((ScheduledTransaction) value);
    }

    @Override
    public void setValue() {
        SchedulingDataSource.unbindWorker();
    }
}
