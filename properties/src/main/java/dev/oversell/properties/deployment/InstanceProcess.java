package dev.oversell.properties.deployment;

import dev.oversell.design.Designs;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.DatabaseDesigns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One app instance as its own JVM process, so that nothing in-process (a monitor, an actor system, a pool, a
 * directory) is shared by accident. Arguments: engine, store id, design, instance number, buyers, purchases
 * per buyer. It attaches to the store, prints {@code READY}, waits for {@code GO} on its input, runs its
 * buyers (one unit per purchase), prints one {@code ANSWER <request id> <units>} or {@code FAILED <request id>}
 * line per purchase, then {@code DONE}.
 */
public final class InstanceProcess {

    private InstanceProcess() {
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.ofKey(args[0]);
        String storeId = args[1];
        DatabaseDesign variant = Designs.byName(args[2], DatabaseDesign.class);
        int instance = Integer.parseInt(args[3]);
        int buyers = Integer.parseInt(args[4]);
        int purchases = Integer.parseInt(args[5]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Database database = DatabaseSettings.open(engine);
             Inventory inventory = DatabaseDesigns.attach(variant, Store.existing(database, storeId))) {
            out.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"GO".equals(in.readLine())) {
                return;
            }
            ExecutorService threads = Executors.newFixedThreadPool(buyers);
            List<Future<?>> work = new ArrayList<>();
            for (int b = 0; b < buyers; b++) {
                int buyer = b;
                work.add(threads.submit(() -> {
                    for (int k = 0; k < purchases; k++) {
                        String id = "p" + instance + "-" + buyer + "-" + k;
                        try {
                            int units = inventory.buy(PurchaseRequest.of(id, "hot", 1)).unitsSold();
                            synchronized (out) {
                                out.println("ANSWER " + id + " " + units);
                            }
                        } catch (RuntimeException e) {
                            synchronized (out) {
                                out.println("FAILED " + id + " " + e.getMessage());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            out.println("DONE");
        }
    }
}
