package dev.oversell.spring;

import dev.oversell.design.JdbcSchema;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A design's tables are its Flyway migrations, {@code V<version>__<description>.sql} files in a folder of the class
 * path: {@link #schemaAt} gives them to the checkers as a {@link JdbcSchema} (created from the migrations' own
 * statements, in Flyway's version order, afresh before every schedule), so that the tables checked are the ones the
 * application creates and the DDL is written once. Two layouts:
 * <ul>
 *   <li>an application's, e.g. Spring Boot's {@link #SPRING_BOOT_LOCATION} ({@code db/migration}):
 *       {@code Migrations.schemaAt(Migrations.SPRING_BOOT_LOCATION, "stock_item")};</li>
 *   <li>one folder per design, {@code db/<design>/}, for designs that share a database and each keep a migration
 *       history of their own ({@code flyway_<design>}): {@link #schema}, and {@link #migrate} to apply it with
 *       Flyway as an application does at start.</li>
 * </ul>
 * The migrations must hold plain DDL (no procedure bodies: a statement ends with a {@code ;} at the end of a line),
 * and the design's stock rows are {@code product}/{@code stock} columns of {@code table}. Only {@link #migrate}
 * needs Flyway on the class path.
 */
public final class Migrations {

    /** Where Spring Boot's Flyway auto-configuration looks for migrations unless told otherwise. */
    public static final String SPRING_BOOT_LOCATION = "db/migration";

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__[^/]*\\.sql");

    private Migrations() {
    }

    /**
     * Applies the migrations of {@code db/<design>/} to {@code dataSource} with Flyway; the history is kept in
     * {@link #historyTable}, so that designs sharing a database do not share a migration history.
     */
    public static void migrate(DataSource dataSource, String design) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location(design))
                .table(historyTable(design))
                // the design's tables share a schema with others: start the history below V1, so that V1 runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * The tables of {@code db/<design>/}, as the checkers take them: {@link #schemaAt} of that folder, whose drop
     * also drops the design's Flyway history ({@link #historyTable}), left there if an application ran it.
     */
    public static JdbcSchema schema(String design, String table) {
        JdbcSchema tables = schemaAt(location(design), table);
        List<String> drop = new ArrayList<>(tables.drop());
        drop.add("DROP TABLE IF EXISTS " + historyTable(design));
        return new JdbcSchema(tables.create(), drop, tables.stockProduct(), tables.readStock(), tables.empty());
    }

    /**
     * The tables the migrations in {@code location} (a folder of the class path, e.g. {@code db/migration}) create,
     * as the checkers take them: created by the migrations' statements in version order, dropped with
     * {@code DROP TABLE IF EXISTS table}, stocked and read through {@code table}'s {@code product}/{@code stock}
     * columns, emptied between schedules.
     */
    public static JdbcSchema schemaAt(String location, String table) {
        return new JdbcSchema(statementsAt(location), List.of("DROP TABLE IF EXISTS " + table),
                "INSERT INTO " + table + " (product, stock) VALUES (?, ?)",
                "SELECT stock FROM " + table + " WHERE product = ?", List.of("DELETE FROM " + table));
    }

    /** {@code flyway_jpa_dirty_checking} for {@code jpa-dirty-checking}. */
    public static String historyTable(String design) {
        return "flyway_" + design.replace('-', '_');
    }

    /** The statements of the migrations of {@code db/<design>/}: {@link #statementsAt} that folder. */
    public static List<String> statements(String design) {
        return statementsAt(location(design));
    }

    /**
     * The statements of every versioned migration in {@code location}, migration after migration in Flyway's
     * version order ({@code V1}, {@code V1.1}, {@code V2}, {@code V10}), each without comments and on one line.
     * An {@link IllegalArgumentException} if there is none, or if a file ends with a statement that has no
     * {@code ;}.
     */
    public static List<String> statementsAt(String location) {
        return statementsAt(Migrations.class.getClassLoader(), location);
    }

    /** {@link #statementsAt(String)} on the class path of {@code loader}. */
    static List<String> statementsAt(ClassLoader loader, String location) {
        TreeMap<List<Long>, String> migrations = new TreeMap<>(Migrations::compareVersions);
        for (String path : files(loader, location)) {
            Matcher versioned = VERSIONED.matcher(path.substring(path.lastIndexOf('/') + 1));
            if (versioned.matches()) {
                String clash = migrations.put(version(versioned.group(1)), path);
                if (clash != null) {
                    throw new IllegalArgumentException("two migrations of version " + versioned.group(1)
                            + " in " + location + ": " + clash + " and " + path);
                }
            }
        }
        if (migrations.isEmpty()) {
            throw new IllegalArgumentException("no migration V<version>__<description>.sql in " + location
                    + " on the class path");
        }
        List<String> statements = new ArrayList<>();
        migrations.values().forEach(path -> statements.addAll(split(path, read(loader, path))));
        return List.copyOf(statements);
    }

    private static String location(String design) {
        return "db/" + design;
    }

    /** The plain DDL of {@code sql} split at each {@code ;} that ends a line, comments left out. */
    private static List<String> split(String path, String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.lines().toList()) {
            String code = line.replaceFirst("--.*$", "").strip();
            if (code.isEmpty()) {
                continue;
            }
            current.append(current.isEmpty() ? "" : " ").append(code);
            if (code.endsWith(";")) {
                statements.add(current.substring(0, current.length() - 1).strip().replaceAll("\\s+", " ")
                        .replace("( ", "(").replace(" )", ")"));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            throw new IllegalArgumentException(path + " ends with a statement that has no ';': " + current);
        }
        return statements;
    }

    /** The class-path paths of the files directly in {@code location}, in a folder or in a jar. */
    private static List<String> files(ClassLoader loader, String location) {
        String folder = location.replaceFirst("^classpath:", "").replaceAll("^/+|/+$", "");
        List<String> files = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    try (Stream<Path> listed = Files.list(Path.of(root.toURI()))) {
                        listed.filter(Files::isRegularFile)
                                .forEach(f -> files.add(folder + "/" + f.getFileName()));
                    }
                } else if (root.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false); // a jar of its own to close, not the class loader's
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : jar.stream().toList()) {
                            String name = entry.getName();
                            if (!entry.isDirectory() && name.startsWith(folder + "/")
                                    && name.indexOf('/', folder.length() + 1) < 0) {
                                files.add(name);
                            }
                        }
                    }
                } else {
                    throw new IllegalArgumentException("cannot list " + root + " (" + location
                            + "): only folders and jars on the class path are read");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location + " on the class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot list " + location + " on the class path", e);
        }
        return files;
    }

    private static String read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static List<Long> version(String text) {
        return Stream.of(text.split("[._]")).map(Long::valueOf).toList();
    }

    /** Flyway's order: part by part as numbers, a missing part counting as 0 ({@code 1} = {@code 1.0}). */
    private static int compareVersions(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = Long.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
