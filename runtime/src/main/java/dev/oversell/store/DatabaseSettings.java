package dev.oversell.store;

import dev.oversell.engine.Engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each engine is, read from system properties ({@code -Doversell.postgresql.url=...}) or, failing that,
 * environment variables ({@code OVERSELL_POSTGRESQL_URL}). The defaults are the local servers every Oversell
 * developer and CI machine runs:
 *
 * <table>
 *   <caption>settings per engine (ENGINE = h2, postgresql or mariadb)</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@code oversell.engines}</td><td>{@code h2,postgresql,mariadb,mariadb-snapshot-isolation}: the
 *       engine columns to run (the last is the MariaDB server with {@code innodb_snapshot_isolation} ON)</td></tr>
 *   <tr><td>{@code oversell.h2.url}</td><td>{@code jdbc:h2:mem:oversell;DB_CLOSE_DELAY=-1}</td></tr>
 *   <tr><td>{@code oversell.postgresql.url}</td><td>{@code jdbc:postgresql://127.0.0.1:5432/test}</td></tr>
 *   <tr><td>{@code oversell.postgresql.user}</td><td>{@code postgres}</td></tr>
 *   <tr><td>{@code oversell.mariadb.url}</td><td>{@code jdbc:mariadb://127.0.0.1:3306/test}</td></tr>
 *   <tr><td>{@code oversell.mariadb.user}</td><td>{@code root}</td></tr>
 *   <tr><td>{@code oversell.mariadb-snapshot-isolation.url}</td><td>the MariaDB URL with its database's name
 *       followed by {@code _snapshot_isolation}, made if missing (else the MariaDB URL itself)</td></tr>
 *   <tr><td>{@code oversell.ENGINE.password}</td><td>empty</td></tr>
 *   <tr><td>{@code oversell.pool.size}</td><td>{@code 16} connections per engine</td></tr>
 *   <tr><td>{@code oversell.lockTimeoutMillis}</td><td>{@code 5000}: no lock wait lasts longer (MariaDB: whole seconds)</td></tr>
 * </table>
 *
 * Connections come from a HikariCP pool per engine column, each connection with the column's pinned settings
 * ({@link Engine#defaultIsolation()}, {@link Engine#sessionSettings()}). The two MariaDB columns share the
 * {@code oversell.mariadb.*} settings: they are one server, the snapshot-isolation column's tables in a database of
 * their own on it ({@link #url}).
 */
public final class DatabaseSettings {

    private static final Map<Engine, String[]> DEFAULTS = Map.of(
            Engine.H2, new String[] {"jdbc:h2:mem:oversell;DB_CLOSE_DELAY=-1", "sa"},
            Engine.POSTGRESQL, new String[] {"jdbc:postgresql://127.0.0.1:5432/test", "postgres"},
            Engine.MARIADB, new String[] {"jdbc:mariadb://127.0.0.1:3306/test", "root"});

    private DatabaseSettings() {
    }

    private static final Map<Engine, String[]> DRIVERS = Map.of(
            Engine.H2, new String[] {"org.h2.Driver", "com.h2database:h2"},
            Engine.POSTGRESQL, new String[] {"org.postgresql.Driver", "org.postgresql:postgresql"},
            Engine.MARIADB, new String[] {"org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client"});

    /**
     * The PostgreSQL and MariaDB drivers are optional dependencies of Oversell: a project brings the driver (and
     * version) it uses. Without one, that engine is unreachable, and says why.
     */
    private static void requireDriver(Engine engine) {
        String[] driver = DRIVERS.get(engine.server());
        try {
            Class.forName(driver[0], false, DatabaseSettings.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new StoreException("no JDBC driver for " + engine.label() + " on the class path (" + driver[0]
                    + "): add " + driver[1] + " to your test dependencies, or leave the engine out with"
                    + " -Doversell.engines", missing);
        }
    }

    /** The engines this run asks for ({@code oversell.engines}). */
    public static List<Engine> requestedEngines() {
        return requestedEngines("h2,postgresql,mariadb,mariadb-snapshot-isolation");
    }

    /** The engines this run asks for ({@code oversell.engines}), or {@code defaults} when it names none. */
    public static List<Engine> requestedEngines(String defaults) {
        String list = setting("oversell.engines", defaults);
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Engine::ofKey).distinct().toList();
    }

    /**
     * The servers behind the requested engine columns, each once ({@link Engine#server()}): what the checks of
     * Oversell's own machinery (the gate, the store's failure handling, migrations) run on; the settings of a
     * column decide verdicts, not whether the machinery works.
     */
    public static List<Engine> requestedServers() {
        return requestedEngines().stream().map(Engine::server).distinct().toList();
    }

    /**
     * The URL {@code engine}'s column connects to. MariaDB's snapshot-isolation column keeps its tables in a
     * database of its own on the same server ({@code oversell.mariadb-snapshot-isolation.url}, else
     * {@link #snapshotIsolationDatabase}), so that its checks can run beside the other MariaDB column's: the tables
     * have the same names in both.
     */
    public static String url(Engine engine) {
        String server = setting("oversell." + engine.server().key() + ".url", DEFAULTS.get(engine.server())[0]);
        if (engine != Engine.MARIADB_SNAPSHOT_ISOLATION) {
            return server;
        }
        String own = setting("oversell." + engine.key() + ".url", "");
        if (!own.isEmpty()) {
            return own;
        }
        synchronized (OWN_DATABASE) {
            return OWN_DATABASE.computeIfAbsent(server, DatabaseSettings::snapshotIsolationDatabase);
        }
    }

    /** The snapshot-isolation column's URL per MariaDB URL, found once per JVM ({@link #snapshotIsolationDatabase}). */
    private static final Map<String, String> OWN_DATABASE = new HashMap<>();

    /** How a MariaDB URL names its database: {@code jdbc:mariadb://host:port/} then the name, then any options. */
    private static final Pattern MARIADB_DATABASE =
            Pattern.compile("^(jdbc:mariadb://[^/?]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    /**
     * The database MariaDB's snapshot-isolation column uses on the server at {@code serverUrl}: the URL's database
     * with {@code _snapshot_isolation} appended, created if it is missing ({@code CREATE DATABASE IF NOT EXISTS}).
     * Where that cannot be had (a URL without a database, a user who may not create one), the column shares the
     * other column's database, and the suites run the two one after the other; either way it is said once.
     */
    private static String snapshotIsolationDatabase(String serverUrl) {
        Matcher m = MARIADB_DATABASE.matcher(serverUrl);
        String label = Engine.MARIADB_SNAPSHOT_ISOLATION.label();
        if (!m.matches()) {
            System.out.printf("[database] %s: its tables in the database of %s, beside the MariaDB column's (the URL"
                    + " names no database to derive one of its own from): the two columns run one after the other%n",
                    label, serverUrl);
            return serverUrl;
        }
        String own = m.group(2) + "_snapshot_isolation";
        String ownUrl = m.group(1) + own + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(serverUrl, user(Engine.MARIADB),
                password(Engine.MARIADB)); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + own);
            System.out.printf("[database] %s: its tables in database %s, the MariaDB column's in %s, so that the two"
                    + " columns run at once (-Doversell.serversAtOnce)%n", label, own, m.group(2));
            return ownUrl;
        } catch (SQLException | RuntimeException e) {
            System.out.printf("[database] %s: its tables in database %s, beside the MariaDB column's (database %s could"
                    + " not be had: %s): the two columns run one after the other%n", label, m.group(2), own,
                    rootMessage(e));
            return serverUrl;
        }
    }

    public static String user(Engine engine) {
        return setting("oversell." + engine.server().key() + ".user", DEFAULTS.get(engine.server())[1]);
    }

    private static String password(Engine engine) {
        return setting("oversell." + engine.server().key() + ".password", "");
    }

    /**
     * A pooled connection to {@code engine} per the settings. Fails fast (within about 5 s) with a
     * {@link StoreException} saying which URL could not be reached, and why.
     */
    public static Database open(Engine engine) {
        return open(engine, Integer.parseInt(setting("oversell.lockTimeoutMillis", "5000")));
    }

    /** As {@link #open(Engine)}, with every session's lock waits bounded by {@code lockTimeoutMillis}. */
    public static Database open(Engine engine, int lockTimeoutMillis) {
        requireDriver(engine);
        HikariConfig config = new HikariConfig();
        config.setConnectionInitSql(engine.connectionInitSql(lockTimeoutMillis));
        config.setTransactionIsolation(isolationConstantName(engine.defaultIsolation()));
        config.setPoolName("oversell-" + engine.key());
        config.setJdbcUrl(url(engine));
        config.setUsername(user(engine));
        config.setPassword(password(engine));
        config.setMaximumPoolSize(Integer.parseInt(setting("oversell.pool.size", "16")));
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(5_000);
        try {
            HikariDataSource pool = new HikariDataSource(config);
            return new Database(engine, pool, engine.label() + " at " + url(engine), lockTimeoutMillis, pool);
        } catch (RuntimeException e) {
            throw new StoreException("cannot reach " + engine.label() + " at " + url(engine) + " as " + user(engine)
                    + (engine.sessionSettings().isEmpty() ? "" : " with " + String.join(", ", engine.sessionSettings()))
                    + ": " + rootMessage(e) + (rootMessage(e).contains("Unknown system variable")
                    ? " (this server does not have the setting: MariaDB before 10.6.18, or MySQL; leave the column out"
                    + " with -Doversell.engines)" : "")
                    + ". Set -Doversell." + engine.server().key() + ".url/.user/.password (or "
                    + "OVERSELL_" + engine.server().name() + "_URL, ...) to point at your server.", e);
        }
    }

    /** HikariCP's name for an isolation level: the {@link Connection} constant's, {@code TRANSACTION_READ_COMMITTED}. */
    private static String isolationConstantName(int level) {
        return "TRANSACTION_" + Engine.isolationName(level).replace(' ', '_');
    }

    /** A system property, else the matching environment variable ({@code a.b.c} &rarr; {@code A_B_C}), else the default. */
    public static String setting(String name, String defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.replace('.', '_').toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
