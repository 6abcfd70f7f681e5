package dev.oversell.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One buyer of a {@link RunningCluster}, for one thread: a connection to every node's {@link BuyerEndpoint}, opened
 * when first used, and each purchase sent to the next node in turn, so that a buyer's purchases land on every node
 * (the node a purchase lands on forwards it to the product's sharded entity, wherever that runs). One attempt per
 * purchase: what was answered is returned, and a node that failed, timed out or broke the connection is a
 * {@link Answer#failure()} (the connection is dropped and reopened on the next purchase sent there). The buyer
 * never resubmits: a caller that wants the purchase made sends it again with the same request id.
 */
public final class ClusterBuyer implements AutoCloseable {

    /** What a purchase was answered: units sold and the node that answered, or why it failed (its outcome unknown). */
    public record Answer(int unitsSold, String node, String failure) {

        public boolean failed() {
            return failure != null;
        }
    }

    private final List<Integer> ports;
    private final List<NodeClient> connections;
    private int next;

    ClusterBuyer(List<Integer> ports, int first) {
        this.ports = List.copyOf(ports);
        this.connections = new ArrayList<>();
        ports.forEach(p -> connections.add(null));
        this.next = Math.floorMod(first, ports.size());
    }

    /** Buys {@code quantity} of {@code product} in lane {@code lane} under {@code requestId}, on the next node. */
    public Answer buy(String lane, String requestId, String product, int quantity) {
        int node = next;
        next = (next + 1) % ports.size();
        try {
            NodeClient client = connections.get(node);
            if (client == null) {
                client = new NodeClient(ports.get(node));
                connections.set(node, client);
            }
            String reply = client.call("BUY " + lane + " " + requestId + " " + product + " " + quantity);
            if (reply.startsWith("ANSWER ")) {
                String[] words = reply.split(" ");
                return new Answer(Integer.parseInt(words[1]), words[3], null);
            }
            return new Answer(0, null, reply);
        } catch (IOException e) {
            drop(node);
            return new Answer(0, null, "node on port " + ports.get(node) + ": " + e.getMessage());
        }
    }

    private void drop(int node) {
        NodeClient broken = connections.set(node, null);
        if (broken != null) {
            try {
                broken.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    /** Closes every connection. */
    @Override
    public void close() {
        for (int i = 0; i < connections.size(); i++) {
            drop(i);
        }
    }
}
