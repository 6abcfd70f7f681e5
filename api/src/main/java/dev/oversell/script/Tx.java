package dev.oversell.script;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt at one purchase, on one connection: what its steps read, what they decided, and (when a
 * {@link Transcript} is given) every statement sent and the engine's answer.
 */
public final class Tx {

    private final Connection connection;
    private final Tables store;
    private final PurchaseRequest request;
    private final String who;
    private final Transcript transcript;
    private final Map<String, Long> memory = new HashMap<>();
    private PurchaseResult answer;
    private boolean answeredEarlier;

    public Tx(Connection connection, Tables store, PurchaseRequest request, String who, Transcript transcript) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.store = Objects.requireNonNull(store, "store");
        this.request = request;
        this.who = Objects.requireNonNull(who, "who");
        this.transcript = transcript;
    }

    /** A Tx that runs no purchase, for a stock read. */
    public static Tx forQueries(Connection connection, Tables store) {
        return new Tx(connection, store, null, "query", null);
    }

    public Connection connection() {
        return connection;
    }

    public Tables store() {
        return store;
    }

    public PurchaseRequest request() {
        if (request == null) {
            throw new IllegalStateException("this Tx runs no purchase");
        }
        return request;
    }

    public String product() {
        return request().product();
    }

    public int quantity() {
        return request().quantity();
    }

    /** Decides: the purchase goes through. */
    public void purchased() {
        answer = PurchaseResult.purchased(request());
    }

    /** Decides: out of stock, {@code stockSeen} units seen. */
    public void outOfStock(long stockSeen) {
        answer = PurchaseResult.outOfStock(request(), stockSeen);
    }

    /** The answer decided so far, or null. */
    public PurchaseResult answer() {
        return answer;
    }

    /** True once an earlier answer to the same request id was found; the remaining steps then do nothing. */
    public boolean answeredEarlier() {
        return answeredEarlier;
    }

    void answerFromEarlier(PurchaseResult earlier) {
        answer = earlier;
        answeredEarlier = true;
    }

    /** Keeps a value a later step needs (a version read, say). */
    public void remember(String key, long value) {
        memory.put(key, value);
    }

    public long recall(String key) {
        Long value = memory.get(key);
        if (value == null) {
            throw new IllegalStateException("no value '" + key + "' remembered by an earlier step");
        }
        return value;
    }

    /** Notes a line in the transcript (begin, commit, a decision). */
    public void say(String text) {
        if (transcript != null) {
            transcript.say(who, text);
        }
    }

    /** The first column of the first row, or null if there is no row. */
    public Long queryLong(String sql, Object... parameters) throws SQLException {
        long[] row = queryRow(sql, parameters);
        return row == null ? null : row[0];
    }

    /** The first row's columns as numbers, or null if there is no row. */
    public long[] queryRow(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
            long[] row = null;
            if (rs.next()) {
                row = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getLong(i + 1);
                }
            }
            say(inline(sql, parameters) + "; -- " + (row == null ? "no row" : render(row)));
            return row;
        } catch (SQLException e) {
            say(inline(sql, parameters) + "; -- " + describe(e));
            throw e;
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            int count = statement.executeUpdate();
            say(inline(sql, parameters) + "; -- " + count + (count == 1 ? " row" : " rows"));
            return count;
        } catch (SQLException e) {
            say(inline(sql, parameters) + "; -- " + describe(e));
            throw e;
        }
    }

    /** How an engine's error reads in a transcript: the kind of failure, the SQLSTATE and the first line. */
    public String describe(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
        return store.engine().classify(e) + " (SQLSTATE " + e.getSQLState() + ", code " + e.getErrorCode() + "): "
                + message;
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static String render(long[] row) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            out.append(i == 0 ? "" : ", ").append(row[i]);
        }
        return out.toString();
    }

    /** The statement with its parameters written in, for people (never sent like this). */
    static String inline(String sql, Object... parameters) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?' && next < parameters.length) {
                Object p = parameters[next++];
                out.append(p instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(p));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
