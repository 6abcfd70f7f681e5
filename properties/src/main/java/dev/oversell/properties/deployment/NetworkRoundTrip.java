package dev.oversell.properties.deployment;

import dev.oversell.store.Database;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-process H2 seen from an app instance as a database across a network: every statement and commit first
 * waits one round trip. In the same JVM a statement takes microseconds, so two instances' read-then-write
 * rarely overlap and an unsafe design goes uncaught by luck; real app servers reach their database in a
 * millisecond or so, and that is the window in which they race. The delay only widens windows that exist: a
 * design that is safe stays safe, whatever the timing. (Remote engines have a real network; they are left as
 * they are.)
 */
final class NetworkRoundTrip {

    static final Duration ROUND_TRIP = Duration.ofMillis(1);

    private NetworkRoundTrip() {
    }

    static Database over(Database database) {
        DataSource delayed = (DataSource) Proxy.newProxyInstance(NetworkRoundTrip.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, forwarding(database.dataSource()));
        return new Database(database.engine(), delayed, database + ", " + ROUND_TRIP.toMillis()
                + " ms round trip per statement", database.lockTimeoutMillis(), database);
    }

    private static InvocationHandler forwarding(Object target) {
        return (proxy, method, args) -> {
            if (sendsToTheServer(target, method)) {
                LockSupport.parkNanos(ROUND_TRIP.toNanos());
            }
            Object result = invoke(target, method, args);
            if (result instanceof Connection || result instanceof Statement) {
                Class<?> type = result instanceof Connection ? Connection.class
                        : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(NetworkRoundTrip.class.getClassLoader(), new Class<?>[] {type},
                        forwarding(result));
            }
            return result;
        };
    }

    private static boolean sendsToTheServer(Object target, Method method) {
        String name = method.getName();
        return (target instanceof Statement && name.startsWith("execute"))
                || (target instanceof Connection && (name.equals("commit") || name.equals("rollback")));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
