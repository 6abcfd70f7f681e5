package dev.oversell.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One connection to a node's {@link BuyerEndpoint}: a request line out, its answer line back, each call bounded by
 * {@link #CALL_BOUND} (the node's own ask timeout plus slack). A node that died, or does not answer in time, is an
 * {@link IOException}; the connection is then closed and of no further use.
 */
final class NodeClient implements AutoCloseable {

    static final Duration CALL_BOUND = BuyerEndpoint.ASK_TIMEOUT.plusSeconds(3);

    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;

    NodeClient(int port) throws IOException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            socket.setSoTimeout((int) CALL_BOUND.toMillis());
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one request line; its answer line. */
    String call(String request) throws IOException {
        out.println(request);
        String answer = in.readLine();
        if (answer == null) {
            throw new IOException("the node closed the connection");
        }
        return answer;
    }

    /** One request on a fresh connection. */
    static String once(int port, String request) throws IOException {
        try (NodeClient client = new NodeClient(port)) {
            return client.call(request);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
