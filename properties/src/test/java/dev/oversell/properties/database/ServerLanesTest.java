package dev.oversell.properties.database;

import dev.oversell.actor.DefaultActorSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * {@link ServerLanes} runs each server's columns on a thread of its own and hands JUnit the same tree: what JUnit
 * reports of a suite run in lanes is what it reports of the suite run as it is, test for test, and the servers'
 * checks do run at once, one server's columns one after the other. Each case runs a small suite through JUnit's
 * own launcher, as surefire runs one.
 */
class ServerLanesTest {

    @AfterEach
    void clearSetting() {
        System.clearProperty("oversell.serversAtOnce");
    }

    @Test
    void junitReportsOfTheLanesWhatItReportsOfTheSuiteRunAsItIs() {
        Suite.tree = ServerLanesTest::everyKindOfOutcome;
        System.setProperty("oversell.serversAtOnce", "false");
        List<String> asItIs = run();
        System.setProperty("oversell.serversAtOnce", "true");
        List<String> inLanes = run();

        assertThat(asItIs).contains("SUCCESSFUL a pass on H2", "FAILED a failure on H2: oversold, 2 of 1",
                "ABORTED skipped on H2: not reachable", "SUCCESSFUL nested on H2",
                "FAILED a container that throws after one child: the next child could not be made",
                "SUCCESSFUL after the container that threw", "SUCCESSFUL a pass on PostgreSQL");
        assertThat(inLanes).containsExactlyElementsOf(asItIs);
    }

    @Test
    void theServersRunAtOnceAndOneServersColumnsOneAfterTheOther() {
        CountDownLatch postgresqlStarted = new CountDownLatch(1);
        Map<String, String> threadOf = new ConcurrentHashMap<>();
        Suite.tree = () -> List.of(
                DynamicContainer.dynamicContainer("H2", Stream.of(DynamicTest.dynamicTest("waits for PostgreSQL's check",
                        () -> {
                            threadOf.put("H2", Thread.currentThread().getName());
                            // bounded, never reached when the lanes run at once: PostgreSQL's check does not wait
                            assertThat(postgresqlStarted.await(60, TimeUnit.SECONDS))
                                    .as("PostgreSQL's check ran while H2's waited").isTrue();
                        }))),
                DynamicContainer.dynamicContainer("PostgreSQL", Stream.of(DynamicTest.dynamicTest("lets H2's go on", () -> {
                    threadOf.put("PostgreSQL", Thread.currentThread().getName());
                    postgresqlStarted.countDown();
                }))),
                DynamicContainer.dynamicContainer("MariaDB", Stream.of(DynamicTest.dynamicTest("MariaDB's check",
                        () -> threadOf.put("MariaDB", Thread.currentThread().getName())))),
                DynamicContainer.dynamicContainer("MariaDB, snapshot isolation", Stream.of(DynamicTest.dynamicTest(
                        "its second column's", () -> {
                            // after the first column's, not beside it: they share their tables
                            assertThat(threadOf).containsKey("MariaDB");
                            threadOf.put("MariaDB, snapshot isolation", Thread.currentThread().getName());
                        }))));

        assertThat(run()).containsExactly("SUCCESSFUL waits for PostgreSQL's check", "SUCCESSFUL lets H2's go on",
                "SUCCESSFUL MariaDB's check", "SUCCESSFUL its second column's");
        assertThat(threadOf.get("H2")).isNotEqualTo(threadOf.get("PostgreSQL")).startsWith("oversell-lane-");
        assertThat(threadOf.get("MariaDB")).isEqualTo(threadOf.get("MariaDB, snapshot isolation"));
    }

    /**
     * Each lane is an application instance of its own: the actors its designs start (and those of the threads its
     * checks start) run on a pool of their own, not on another lane's; outside the lanes, on the process-wide one.
     */
    @Test
    void eachLanesActorsRunOnAPoolOfTheirOwn() {
        Map<String, Object> systemOf = new ConcurrentHashMap<>();
        Suite.tree = () -> Stream.of("H2", "PostgreSQL", "MariaDB").map(engine -> DynamicContainer.dynamicContainer(
                engine, Stream.of(DynamicTest.dynamicTest("the actors of " + engine, () -> {
                    systemOf.put(engine, DefaultActorSystem.forStores());
                    Thread started = new Thread(() -> systemOf.put(engine + ", a thread it started",
                            DefaultActorSystem.forStores()));
                    started.start();
                    started.join();
                })))).toList();

        assertThat(run()).hasSize(3).allMatch(line -> line.startsWith("SUCCESSFUL"));
        assertThat(systemOf.get("H2")).isNotSameAs(systemOf.get("PostgreSQL")).isNotSameAs(systemOf.get("MariaDB"))
                .isSameAs(systemOf.get("H2, a thread it started")).isNotSameAs(DefaultActorSystem.forStores());
        assertThat(systemOf.get("PostgreSQL")).isNotSameAs(systemOf.get("MariaDB"));
    }

    /** A pass, a failure, a skip, a nested container, a container whose children's stream throws, on two servers. */
    private static List<DynamicContainer> everyKindOfOutcome() {
        Stream<DynamicNode> throwsAfterOne = Stream.of(1, 2).map(i -> {
            if (i == 2) {
                throw new IllegalStateException("the next child could not be made");
            }
            return DynamicTest.dynamicTest("before the container threw", () -> { });
        });
        return List.of(
                DynamicContainer.dynamicContainer("H2", Stream.of(
                        DynamicTest.dynamicTest("a pass on H2", () -> { }),
                        DynamicTest.dynamicTest("a failure on H2", () -> {
                            throw new AssertionError("oversold, 2 of 1");
                        }),
                        DynamicTest.dynamicTest("skipped on H2", () -> Assumptions.abort("not reachable")),
                        DynamicContainer.dynamicContainer("a nested container", Stream.of(
                                DynamicTest.dynamicTest("nested on H2", () -> { }))),
                        DynamicContainer.dynamicContainer("a container that throws after one child", throwsAfterOne),
                        DynamicTest.dynamicTest("after the container that threw", () -> { }))),
                DynamicContainer.dynamicContainer("PostgreSQL", Stream.of(
                        DynamicTest.dynamicTest("a pass on PostgreSQL", () -> { }))));
    }

    /** Runs {@link Suite} through JUnit's launcher: what it reported of each test and failed container, in order. */
    private static List<String> run() {
        List<String> reported = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request().selectors(selectClass(Suite.class)).build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                boolean dynamicNode = id.getUniqueId().contains("dynamic-");
                if (dynamicNode && (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL)) {
                    reported.add(result.getStatus() + " " + id.getDisplayName() + result.getThrowable()
                            .map(t -> ": " + t.getMessage()).orElse(""));
                }
            }
        });
        return reported;
    }

    /** The suite: one container per engine column, as the database and deployment suites build theirs. */
    static class Suite {
        static Supplier<List<DynamicContainer>> tree;

        @TestFactory
        Stream<DynamicNode> columns() {
            List<DynamicContainer> columns = tree.get();
            // MariaDB's two columns in one database of the server: one lane
            List<String> lanes = columns.stream().map(c -> c.getDisplayName().startsWith("MariaDB") ? "mariadb test"
                    : c.getDisplayName()).toList();
            return ServerLanes.inLanes(lanes, columns, "lanes test");
        }
    }
}
