package dev.oversell.model.spring;

import dev.oversell.design.JdbcSchema;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A design's schema is its own Flyway migration, {@code db/<design>/V1__stock.sql} on the class path (the same
 * SQL on H2, PostgreSQL and MariaDB): {@link #migrate} is what an application runs before its context starts
 * (as Spring Boot runs Flyway), with a history table of the design's own so that designs sharing a database do
 * not share a migration history; {@link #statements} is the same migration as statements, for a checker that
 * creates the tables afresh before every schedule.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Applies the design's migrations to {@code dataSource}; its history is kept in {@link #historyTable}. */
    public static void migrate(DataSource dataSource, String design) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + design)
                .table(historyTable(design))
                // the design's tables share a schema with others: start the history below V1, so that V1 runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * The design's tables as the checkers take them: created by the statements of its migration, dropped (with
     * the Flyway history, if an application ran it), stocked and read through {@code table}'s
     * {@code product}/{@code stock} columns, emptied between schedules.
     */
    public static JdbcSchema schema(String design, String table) {
        return new JdbcSchema(statements(design), List.of("DROP TABLE IF EXISTS " + table,
                "DROP TABLE IF EXISTS " + historyTable(design)),
                "INSERT INTO " + table + " (product, stock) VALUES (?, ?)",
                "SELECT stock FROM " + table + " WHERE product = ?", List.of("DELETE FROM " + table));
    }

    /** {@code flyway_jpa_dirty_checking} for {@code jpa-dirty-checking}. */
    public static String historyTable(String design) {
        return "flyway_" + design.replace('-', '_');
    }

    /**
     * The statements of the design's first migration, in order, without comments: the file split at each
     * {@code ;} that ends a line (the migrations here hold plain DDL, no procedure bodies).
     */
    public static List<String> statements(String design) {
        String path = "db/" + design + "/V1__stock.sql";
        String sql;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no migration " + path + " on the class path for design " + design);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
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
        return List.copyOf(statements);
    }
}
