package dev.oversell.properties.database.jdbc;

import java.util.Locale;
import java.util.Map;

/**
 * How a statement is written in a transcript: its SQL with each {@code ?} replaced by the parameter's literal,
 * so that a person can paste the line into {@code psql} or {@code mariadb}, and its verb ({@code select},
 * {@code update}, ...), whose initial names the statement in a schedule ({@code s1 s2 u1 c1 u2 c2}).
 */
final class SqlText {

    private SqlText() {
    }

    /** {@code sql} with parameter {@code i} (from 1) written as a literal in place of the i-th {@code ?}. */
    static String inline(String sql, Map<Integer, Object> parameters) {
        StringBuilder out = new StringBuilder();
        int parameter = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                parameter++;
                out.append(parameters.containsKey(parameter) ? literal(parameters.get(parameter)) : "?");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString().toUpperCase(Locale.ROOT);
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** The statement's first word, lower case: {@code select}, {@code update}, {@code insert}, .... */
    static String verb(String sql) {
        String trimmed = sql.strip();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return end == 0 ? "statement" : trimmed.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
