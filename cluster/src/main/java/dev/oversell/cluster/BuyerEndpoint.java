package dev.oversell.cluster;

import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A node's door for buyers and for the fault runner: a plain TCP socket on 127.0.0.1, one request per line, one
 * answer per line (JDK only). A purchase is forwarded with Pekko's ask to the product's sharded entity, wherever
 * it runs; the node it arrived at does not matter.
 * <pre>
 *   BUY &lt;lane&gt; &lt;request id&gt; &lt;product&gt; &lt;quantity&gt;  -&gt;  ANSWER &lt;units&gt; &lt;stock seen&gt; &lt;node&gt; &lt;token&gt;  |  FAILED &lt;why&gt;
 *   LOCATE &lt;lane&gt; &lt;product&gt;                    -&gt;  AT &lt;node&gt; &lt;token&gt;  |  FAILED &lt;why&gt;
 *   STATUS                                     -&gt;  STATUS &lt;cluster port of the oldest member up&gt; &lt;ports of the members up, p1,p2,...&gt;
 *   JOIN self | JOIN &lt;host:port,...&gt;          -&gt;  JOINING (forms the cluster, or joins it through those seeds)
 *   LEAVE                                      -&gt;  LEAVING (then a graceful leave: hand-off, exit)
 *   ARM &lt;request id&gt;,...                      -&gt;  ARMED (those purchases will stall on this node: {@link StallPoint})
 *   STALLED                                    -&gt;  STALLED &lt;request id&gt;:&lt;stock read&gt;:&lt;token&gt;:&lt;state&gt;,...
 * </pre>
 * A purchase not answered within {@link #ASK_TIMEOUT} is answered {@code FAILED timeout}: its outcome is unknown
 * to the buyer, who may resubmit the same request id (never applied twice).
 */
final class BuyerEndpoint {

    static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);

    private final ServerSocket server;

    private BuyerEndpoint(ServerSocket server) {
        this.server = server;
    }

    int port() {
        return server.getLocalPort();
    }

    static BuyerEndpoint start(ActorSystem<?> system, ClusterSharding sharding, String node) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread conversation = new Thread(() -> converse(socket, system, sharding, node),
                            "endpoint-" + socket.getPort());
                    conversation.setDaemon(true);
                    conversation.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "endpoint-accept");
        accept.setDaemon(true);
        accept.start();
        return new BuyerEndpoint(server);
    }

    private static void converse(Socket socket, ActorSystem<?> system, ClusterSharding sharding, String node) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(answer(line.trim().split(" "), system, sharding, node).replace('\n', ' '));
            }
        } catch (IOException ignored) {
            // the buyer hung up
        }
    }

    private static String answer(String[] words, ActorSystem<?> system, ClusterSharding sharding, String node) {
        try {
            switch (words[0]) {
                case "BUY": {
                    ProductEntity.Reply reply = ask(sharding, words[1], words[3],
                            replyTo -> new ProductEntity.Buy(words[2], Integer.parseInt(words[4]), replyTo));
                    return reply.failure() != null ? "FAILED " + reply.failure()
                            : "ANSWER " + reply.unitsSold() + " " + reply.stockSeen() + " " + reply.node() + " " + reply.token();
                }
                case "LOCATE": {
                    ProductEntity.Reply reply = ask(sharding, words[1], words[2], ProductEntity.Locate::new);
                    return "AT " + reply.node() + " " + reply.token();
                }
                case "STATUS": {
                    List<Member> up = new ArrayList<>();
                    Cluster.get(system).state().getMembers().forEach(m -> {
                        if (m.status() == MemberStatus.up()) {
                            up.add(m);
                        }
                    });
                    int oldest = up.stream().reduce((a, b) -> a.isOlderThan(b) ? a : b)
                            .map(m -> (int) m.address().getPort().get()).orElse(-1);
                    return "STATUS " + oldest + " " + up.stream().map(m -> String.valueOf(m.address().getPort().get()))
                            .sorted().collect(Collectors.joining(","));
                }
                case "JOIN": {
                    ClusterNode.join(system, words[1]);
                    return "JOINING";
                }
                case "LEAVE": {
                    CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.clusterLeavingReason());
                    return "LEAVING";
                }
                case "ARM": {
                    StallPoint.arm(java.util.Arrays.asList(words[1].split(",")));
                    return "ARMED";
                }
                case "STALLED": {
                    return "STALLED " + StallPoint.stalled();
                }
                default:
                    return "FAILED unknown request " + words[0];
            }
        } catch (TimeoutException | ExecutionException e) {
            return "FAILED timeout: no answer within " + ASK_TIMEOUT.toMillis() + " ms at " + node;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "FAILED interrupted";
        } catch (RuntimeException e) {
            return "FAILED " + e;
        }
    }

    private static ProductEntity.Reply ask(ClusterSharding sharding, String lane, String product,
                                           org.apache.pekko.japi.function.Function<
                                                   org.apache.pekko.actor.typed.ActorRef<ProductEntity.Reply>,
                                                   ProductEntity.Command> message)
            throws InterruptedException, ExecutionException, TimeoutException {
        return sharding.entityRefFor(ProductEntity.TYPE, ProductEntity.entityId(lane, product))
                .<ProductEntity.Reply>ask(message, ASK_TIMEOUT)
                .toCompletableFuture().get(ASK_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }
}
