package dev.oversell.properties.database.jdbc;

import dev.oversell.engine.Engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of a schema's tables a statement on one may reach through another, read from the engine once the design's
 * tables exist: tables joined by a foreign key (a write to one checks or locks rows of the other), by a sequence
 * their column defaults share, or by inheritance (PostgreSQL) form one group; a table with a trigger, a rule or a
 * row-level policy, a default or a {@code CHECK} that calls a function, or a foreign key into another schema may
 * reach anything, and belongs to no group. Statements whose groups share nothing ({@link #groups}) commute
 * ({@link Footprint}); a name that is not a base table of the connection's schema (a view, a table elsewhere) has
 * no group either. Reading a view, or a table with a row-level policy or a rule, runs code of its own (a function, a
 * subquery, a lock the view's definition takes): a {@code SELECT} of one is no plain read ({@link #plainlyRead}).
 *
 * <p>Should the engine not answer one of these questions, nothing is grouped and nothing is plainly read
 * ({@link #NONE}): every statement may then touch anything, which runs more orders, never fewer.
 */
final class TableCoupling {

    /** Nothing known about the schema: no statement is taken to leave any table alone. */
    static final TableCoupling NONE = new TableCoupling(Map.of(), Set.of(), Set.of());

    private static final Pattern SEQUENCE = Pattern.compile(
            "(?:nextval\\s*\\(\\s*'?|next\\s+value\\s+for\\s+)([\\w.$\"`]+)");

    /** Base table (lower case) to the name of its group; tables that may reach anything are absent. */
    private final Map<String, String> groupOf;
    /** Every name of the schema's tables, views and the like, lower case. */
    private final Set<String> names;
    /** The base tables (lower case) whose reading runs no code of theirs: no view, no row-level policy, no rule. */
    private final Set<String> plainlyReadable;
    private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_$]*");

    private TableCoupling(Map<String, String> groupOf, Set<String> names, Set<String> plainlyReadable) {
        this.groupOf = Map.copyOf(groupOf);
        this.names = Set.copyOf(names);
        this.plainlyReadable = Set.copyOf(plainlyReadable);
    }

    /**
     * Whether reading {@code tables} (lower case) runs no code of theirs: each is a base table of the schema with no
     * row-level policy and no rule. A view, a policy's or a rule's table, or a name the engine did not list may
     * lock, call a function or read other tables when read; false if nothing is known ({@link #NONE}).
     */
    boolean plainlyRead(Set<String> tables) {
        return plainlyReadable.containsAll(tables);
    }

    /** The same knowledge, every table in no group: every statement may touch anything (a test's full exploration). */
    TableCoupling withoutGroups() {
        return new TableCoupling(Map.of(), names, plainlyReadable);
    }

    /**
     * The schema's tables and views whose names appear as a word of {@code sql} (outside its string literals),
     * whatever the parser made of them: added to what a statement names, they can only make it touch more.
     */
    Set<String> mentioned(String sql) {
        Set<String> found = new TreeSet<>();
        Matcher word = WORD.matcher(lower(sql).replaceAll("'[^']*'", "''").replace("\"", " ").replace("`", " "));
        while (word.find()) {
            if (names.contains(word.group())) {
                found.add(word.group());
            }
        }
        return found;
    }

    /** The groups of {@code tables} (lower case, as {@link StatementTables} names them); null if any has none. */
    Set<String> groups(Set<String> tables) {
        if (tables == null) {
            return null;
        }
        Set<String> groups = new TreeSet<>();
        for (String table : tables) {
            String group = groupOf.get(table);
            if (group == null) {
                return null;
            }
            groups.add(group);
        }
        return groups;
    }

    @Override
    public String toString() {
        Map<String, Set<String>> members = new java.util.TreeMap<>();
        groupOf.forEach((table, group) -> members.computeIfAbsent(group, g -> new TreeSet<>()).add(table));
        return members.values().toString();
    }

    /** Reads the coupling of the tables in {@code connection}'s schema; {@link #NONE} if the engine does not say. */
    static TableCoupling read(Connection connection, Engine engine) {
        try {
            return readOrFail(connection, engine);
        } catch (SQLException | RuntimeException unanswered) {
            return NONE;
        }
    }

    private static TableCoupling readOrFail(Connection connection, Engine engine) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        Map<String, String> names = new HashMap<>(); // lower case -> as the engine spells it
        Set<String> collided = new HashSet<>();
        try (ResultSet tables = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (names.put(lower(name), name) != null) {
                    collided.add(lower(name)); // "Items" and items: which one a statement means is not told
                }
            }
        }
        Set<String> relations = new HashSet<>();
        try (ResultSet all = meta.getTables(catalog, schema, "%", null)) {
            while (all.next()) {
                relations.add(lower(all.getString("TABLE_NAME")));
            }
        }
        UnionFind groups = new UnionFind(names.keySet());
        Set<String> open = new HashSet<>(collided);
        Set<String> readRunsCode = new HashSet<>(collided);
        for (Map.Entry<String, String> table : names.entrySet()) {
            try (ResultSet keys = meta.getImportedKeys(catalog, schema, table.getValue())) {
                while (keys.next()) {
                    String parent = lower(keys.getString("PKTABLE_NAME"));
                    if (names.containsKey(parent) && same(keys.getString("PKTABLE_SCHEM"), schema)
                            && same(keys.getString("PKTABLE_CAT"), catalog)) {
                        groups.union(table.getKey(), parent);
                    } else {
                        open.add(table.getKey());
                    }
                }
            }
            try (ResultSet columns = meta.getColumns(catalog, schema, table.getValue(), "%")) {
                while (columns.next()) {
                    String defaultValue = columns.getString("COLUMN_DEF");
                    if (defaultValue == null) {
                        continue;
                    }
                    String text = lower(defaultValue);
                    Matcher sequence = SEQUENCE.matcher(text);
                    while (sequence.find()) {
                        groups.union(table.getKey(), "sequence " + unqualified(sequence.group(1)));
                    }
                    if (callsBeyondItsRow(SEQUENCE.matcher(text).replaceAll(""))) {
                        open.add(table.getKey());
                    }
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            for (Reach reach : reachQueries(engine)) {
                try (ResultSet rows = s.executeQuery(reach.sql())) {
                    while (rows.next()) {
                        String table = lower(rows.getString(1));
                        switch (reach.answer()) {
                            case REACHES_ANYTHING -> open.add(table);
                            case READ_RUNS_CODE -> {
                                open.add(table);
                                readRunsCode.add(table);
                            }
                            case CHILD_AND_PARENT -> groups.union(table, lower(rows.getString(2)));
                            case TABLE_AND_CHECK -> {
                                if (callsBeyondItsRow(lower(rows.getString(2)))) {
                                    open.add(table); // a CHECK that calls a function
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
        Map<String, String> groupOf = new HashMap<>();
        for (String table : names.keySet()) {
            if (!open.contains(table)) {
                groupOf.put(table, groups.find(table));
            }
        }
        relations.addAll(names.keySet());
        Set<String> plainlyReadable = new HashSet<>(names.keySet());
        plainlyReadable.removeAll(readRunsCode);
        return new TableCoupling(groupOf, relations, plainlyReadable);
    }

    /** A question asked of the engine's catalog, and what each row of its answer says. */
    private record Reach(String sql, Answer answer) {
    }

    private enum Answer {
        /** One column: a table with a trigger, which may reach anything when written. */
        REACHES_ANYTHING,
        /** One column: a table with a rule or a row-level policy, which may reach anything, even when read. */
        READ_RUNS_CODE,
        /** A table and one of its {@code CHECK} clauses. */
        TABLE_AND_CHECK,
        /** A child table and its parent (PostgreSQL inheritance): one group. */
        CHILD_AND_PARENT
    }

    /** Per engine: what to ask of the catalog about the tables of the connection's schema. */
    private static List<Reach> reachQueries(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> List.of(
                    new Reach("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n"
                            + " ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT t.tgisinternal",
                            Answer.REACHES_ANYTHING),
                    new Reach("SELECT tablename FROM pg_rules WHERE schemaname = current_schema()",
                            Answer.READ_RUNS_CODE),
                    new Reach("SELECT tablename FROM pg_policies WHERE schemaname = current_schema()",
                            Answer.READ_RUNS_CODE),
                    new Reach("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname = current_schema() AND c.relrowsecurity", Answer.READ_RUNS_CODE),
                    new Reach("SELECT c.relname, pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c"
                            + " ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE k.contype = 'c' AND n.nspname = current_schema()", Answer.TABLE_AND_CHECK),
                    new Reach("SELECT c.relname, p.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                            + " JOIN pg_class p ON p.oid = i.inhparent", Answer.CHILD_AND_PARENT));
            case MARIADB, MARIADB_SNAPSHOT_ISOLATION -> List.of(
                    new Reach("SELECT event_object_table FROM information_schema.triggers"
                            + " WHERE event_object_schema = DATABASE()", Answer.REACHES_ANYTHING),
                    new Reach("SELECT table_name, check_clause FROM information_schema.check_constraints"
                            + " WHERE constraint_schema = DATABASE()", Answer.TABLE_AND_CHECK));
            case H2 -> List.of(
                    new Reach("SELECT EVENT_OBJECT_TABLE FROM INFORMATION_SCHEMA.TRIGGERS"
                            + " WHERE EVENT_OBJECT_SCHEMA = SCHEMA()", Answer.REACHES_ANYTHING),
                    new Reach("SELECT t.TABLE_NAME, c.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
                            + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
                            + " AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME WHERE t.TABLE_SCHEMA = SCHEMA()",
                            Answer.TABLE_AND_CHECK));
        };
    }

    /** Whether a default or a check (lower case) calls something that may read beyond its row. */
    private static boolean callsBeyondItsRow(String expression) {
        return StatementTables.callsSomething(expression, Set.of());
    }

    private static boolean same(String named, String ours) {
        return named == null || ours == null || named.equalsIgnoreCase(ours);
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    private static String unqualified(String name) {
        String bare = name.replace("\"", "").replace("`", "");
        return bare.substring(bare.lastIndexOf('.') + 1);
    }

    /** Groups of names, merged as couplings are found. */
    private static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        UnionFind(Set<String> names) {
            names.forEach(n -> parent.put(n, n));
        }

        String find(String name) {
            parent.putIfAbsent(name, name);
            String root = name;
            while (!parent.get(root).equals(root)) {
                root = parent.get(root);
            }
            parent.put(name, root);
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                // the smaller name leads, so that a group is named the same whichever order the tables came in
                if (ra.compareTo(rb) < 0) {
                    parent.put(rb, ra);
                } else {
                    parent.put(ra, rb);
                }
            }
        }
    }
}
