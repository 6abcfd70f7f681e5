package dev.oversell.spring;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A private in-memory H2 database per test, kept open until the JVM ends (DB_CLOSE_DELAY=-1). */
final class FreshH2 {

    private FreshH2() {
    }

    static DataSource open() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    static void run(DataSource dataSource, List<String> statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static long queryLong(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** table.column type nullability, of every table of the PUBLIC schema but Flyway's history, in order. */
    static List<String> columns(DataSource dataSource) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT"
                     + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                     + " AND TABLE_NAME NOT LIKE 'flyway%' ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " nullable="
                        + rs.getString(4) + " default=" + rs.getString(5));
            }
        }
        return columns;
    }
}
