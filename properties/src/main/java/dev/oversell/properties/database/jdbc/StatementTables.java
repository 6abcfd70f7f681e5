package dev.oversell.properties.database.jdbc;

import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a statement names, read from its text with JSqlParser, when the text bounds what the statement can
 * touch: a {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE} that names its tables without a schema
 * and calls no function but plain arithmetic, aggregates and clocks. Anything else (a function that may read or
 * change other things, {@code nextval} or {@code NEXT VALUE FOR}, a procedure, a set-returning function, DDL, a
 * statement JSqlParser does not read) touches anything, as far as the gate knows.
 *
 * <p>The tables are those JSqlParser's {@link TablesNamesFinder} finds; the functions are read from the text word by
 * word ({@link #callsSomething}), since the finder does not visit every clause. Names are compared in lower case
 * with their quotes taken off, so two tables whose names differ only in case count as one: that can only make two
 * statements look dependent, never independent. The caller adds every table of the schema whose name appears as a
 * word of the text ({@link TableCoupling#mentioned}), so that a table in a clause the finder skips, or named like a
 * common table expression, is not lost.
 */
final class StatementTables {

    /** Functions that read nothing but their arguments (and the clock) and change nothing another call sees. */
    static final Set<String> PURE = Set.of("count", "sum", "min", "max", "avg", "coalesce", "nullif",
            "greatest", "least", "abs", "lower", "upper", "length", "char_length", "concat", "substring", "trim",
            "round", "floor", "ceil", "ceiling", "mod", "ifnull", "if", "now", "current_timestamp", "current_date",
            "localtimestamp", "gen_random_uuid", "uuid", "random_uuid");

    /** Words followed by a parenthesis without being a call: keywords, types. */
    private static final Set<String> NOT_CALLS = Set.of("select", "from", "where", "and", "or", "not", "in", "exists",
            "values", "value", "into", "set", "on", "conflict", "key", "as", "using", "cast", "any", "all", "some", "row",
            "array", "over", "filter", "by", "when", "then", "else", "case", "is", "like", "between", "join", "with",
            "lateral", "returning", "update", "do", "group", "within", "decimal", "numeric", "varchar", "char",
            "character", "int", "integer", "bigint", "smallint", "timestamp", "time", "interval", "float", "double",
            "precision", "varying", "limit", "offset", "having", "union", "intersect", "except", "distinct", "check");
    private static final Pattern CALL = Pattern.compile("([a-z_][a-z0-9_$.]*)\\s*\\(");

    private StatementTables() {
    }

    /** The tables {@code sql} names, lower case and unquoted; null if its text does not bound what it touches. */
    static Set<String> of(String sql) {
        if (sql == null) {
            return null;
        }
        try {
            // parsed on the calling thread: JSqlParser's own parseStatements runs the parser on a pool thread and
            // waits for it, which the gate would take for the call waiting in the JVM for another
            Statements statements = CCJSqlParserUtil.newParser(sql).Statements();
            if (statements.size() != 1) {
                return null; // several statements in one text (or none)
            }
            Statement statement = statements.get(0);
            if (!(statement instanceof Select || statement instanceof Insert || statement instanceof Update
                    || statement instanceof Delete)) {
                return null;
            }
            Finder finder = new Finder();
            Set<String> named = finder.getTables(statement);
            if (finder.unbounded || callsSomething(sql, named)) {
                return null;
            }
            Set<String> tables = new TreeSet<>();
            for (String name : named) {
                if (name.contains(".")) {
                    return null; // another schema: which table that is, the coupling read from this one cannot say
                }
                tables.add(unquoted(name));
            }
            return tables.isEmpty() ? null : tables;
        } catch (Exception | StackOverflowError unreadable) {
            return null;
        }
    }

    /**
     * Whether the text calls anything but a {@link #PURE} function, read word by word rather than through the parse
     * tree, so that no clause is left out (JSqlParser's finder does not visit every one: an {@code ON CONFLICT DO
     * UPDATE}, a {@code RETURNING}, an {@code ORDER BY}, a window): a word followed by a parenthesis that is neither
     * a pure function, nor a keyword or a type, nor one of the statement's tables (its column list). The same
     * reading judges a column's default or a {@code CHECK} ({@link TableCoupling}).
     */
    static boolean callsSomething(String sql, Set<String> tables) {
        Set<String> named = new java.util.HashSet<>();
        tables.forEach(t -> named.add(unquoted(t)));
        Matcher call = CALL.matcher(sql.toLowerCase(Locale.ROOT).replaceAll("'[^']*'", "''")
                .replace("\"", "").replace("`", ""));
        while (call.find()) {
            String word = call.group(1);
            if (!PURE.contains(word) && !NOT_CALLS.contains(word) && !named.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String unquoted(String name) {
        return name.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }

    private static boolean pure(String functionName) {
        return functionName != null && PURE.contains(unquoted(functionName));
    }

    /** JSqlParser's finder, which also notes a call of anything but a {@link #PURE} function. */
    private static final class Finder extends TablesNamesFinder<Void> {

        boolean unbounded;

        @Override
        public <S> Void visit(Function function, S context) {
            unbounded |= !pure(function.getName());
            return super.visit(function, context);
        }

        @Override
        public <S> Void visit(TableFunction function, S context) {
            unbounded = true;
            return super.visit(function, context);
        }

        @Override
        public <S> Void visit(NextValExpression nextValue, S context) {
            unbounded = true; // a sequence is shared by whoever draws from it
            return super.visit(nextValue, context);
        }
    }
}
