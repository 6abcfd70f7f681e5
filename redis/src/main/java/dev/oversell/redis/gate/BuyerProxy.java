package dev.oversell.redis.gate;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A buyer's way to Redis: a RESP proxy on 127.0.0.1 (an ephemeral port) that passes every command of every
 * connection the buyer's instance opens to Redis and back, and holds each step ({@link Commands}) until the
 * {@link CommandGate} of the current run releases it. Whatever client the design uses (Lettuce, Jedis, Spring Data
 * Redis), it only has to connect here: the proxy reads the wire, not the client.
 *
 * <p>Why a proxy per buyer: a buyer is an application server of its own (an instance over its own client), and
 * its connections, however many it opens, are told apart from the other buyer's by the port they reach. A
 * {@code MULTI} block is one step: {@code MULTI} and the queued commands are passed on as they come (Redis only
 * queues them and answers {@code QUEUED}), and the {@code EXEC} is held, with the keys the block and the
 * connection's {@code WATCH} name.
 */
final class BuyerProxy implements AutoCloseable {

    /** Set-up a client sends on a new connection: passed on, and left out of the transcript. */
    private static final Set<String> SET_UP = Set.of("HELLO", "AUTH", "CLIENT", "SELECT", "PING", "COMMAND",
            "SCRIPT", "QUIT", "RESET", "READONLY", "READWRITE");

    private final int buyer;
    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket listening;
    private final Thread acceptor;
    private final List<Socket> open = new ArrayList<>();
    /** The {@code SCRIPT LOAD}s the buyer's instances sent, as typed: a replay needs them first. */
    private final Set<String> scriptsLoaded = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    private volatile CommandGate gate;
    private volatile boolean closed;

    BuyerProxy(int buyer, String upstreamHost, int upstreamPort) throws IOException {
        this.buyer = buyer;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "redis-gate-B" + (buyer + 1) + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The {@code SCRIPT LOAD} commands seen, as typed, for a script's set-up. */
    List<String> scriptsLoaded() {
        synchronized (scriptsLoaded) {
            return List.copyOf(scriptsLoaded);
        }
    }

    int port() {
        return listening.getLocalPort();
    }

    /** The run whose steps this buyer's commands are, or null: commands are then passed on at once. */
    void gate(CommandGate gate) {
        this.gate = gate;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                synchronized (open) {
                    open.add(client);
                    open.add(upstream);
                }
                Thread pump = new Thread(() -> pump(client, upstream), "redis-gate-B" + (buyer + 1));
                pump.setDaemon(true);
                pump.start();
            } catch (IOException e) {
                if (!closed) {
                    CommandGate current = gate;
                    if (current != null) {
                        current.fail("B" + (buyer + 1) + "'s proxy could not connect to Redis: " + e);
                    }
                }
            }
        }
    }

    /** One connection: each command from the client, held if it is a step, passed on; each reply passed back. */
    private void pump(Socket client, Socket upstream) {
        boolean inMulti = false;
        List<CommandFootprint> queued = new ArrayList<>();
        List<String> watched = new ArrayList<>();
        try (client; upstream) {
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            InputStream fromRedis = new BufferedInputStream(upstream.getInputStream());
            OutputStream toRedis = upstream.getOutputStream();
            Resp.Command command;
            while ((command = Resp.readCommand(fromClient)) != null) {
                String name = command.name();
                if (name.equals("SCRIPT") && command.words().size() > 1
                        && command.words().get(1).equalsIgnoreCase("LOAD")) {
                    scriptsLoaded.add(command.typed());
                }
                CommandGate current = gate;
                CommandPoint point = null;
                if (name.equals("EXEC")) {
                    List<CommandFootprint> block = new ArrayList<>(queued);
                    if (!watched.isEmpty()) {
                        block.add(new CommandFootprint(true, java.util.Set.copyOf(watched)));
                    }
                    point = new CommandPoint(buyer, name, command.typed(), stable(current, Commands.union(block)));
                } else if (inMulti && !name.equals("DISCARD")) {
                    queued.add(Commands.footprint(command.words()));
                } else if (!Commands.connectionOnly(name)) {
                    point = new CommandPoint(buyer, name, command.typed(),
                            stable(current, Commands.footprint(command.words())));
                }
                if (point != null && current != null) {
                    current.await(point);
                }
                toRedis.write(command.raw());
                toRedis.flush();
                Resp.Reply reply = Resp.readReply(fromRedis);
                if (point != null) {
                    point.answer = reply.shown();
                }
                if (current != null && !SET_UP.contains(name)) {
                    current.answered(buyer, command.typed(), reply.shown(), point != null);
                }
                switch (name) {
                    case "MULTI" -> inMulti = true;
                    case "EXEC", "DISCARD" -> {
                        inMulti = false;
                        queued.clear();
                        watched.clear();
                    }
                    case "UNWATCH" -> watched.clear();
                    case "WATCH" -> watched.addAll(command.words().subList(1, command.words().size()));
                    default -> { }
                }
                toClient.write(reply.raw());
                toClient.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | AssertionError e) {
            CommandGate current = gate;
            if (current != null && !closed && !(e instanceof java.net.SocketException)) {
                current.fail("B" + (buyer + 1) + "'s proxy: " + e);
            }
        } finally {
            synchronized (open) {
                open.remove(client);
                open.remove(upstream);
            }
        }
    }

    private static CommandFootprint stable(CommandGate gate, CommandFootprint footprint) {
        return gate == null ? footprint : gate.stable(footprint);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listening.close();
        synchronized (open) {
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        }
    }
}
