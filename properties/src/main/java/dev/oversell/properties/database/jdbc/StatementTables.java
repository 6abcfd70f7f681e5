package dev.oversell.properties.database.jdbc;

import net.sf.jsqlparser.expression.Function;
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

/**
 * The tables a statement names, read from its text with JSqlParser, when the text bounds what the statement can
 * touch: a {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE} that names its tables without a schema
 * and calls no function but plain arithmetic, aggregates and clocks. Anything else (a function that may read or
 * change other things, {@code nextval}, a procedure, a set-returning function, DDL, a statement JSqlParser does
 * not read) touches anything, as far as the gate knows.
 *
 * <p>Names are compared in lower case with their quotes taken off, so two tables whose names differ only in case
 * count as one: that can only make two statements look dependent, never independent.
 */
final class StatementTables {

    /** Functions that read nothing but their arguments and change nothing. */
    private static final Set<String> PURE = Set.of("count", "sum", "min", "max", "avg", "coalesce", "nullif",
            "greatest", "least", "abs", "lower", "upper", "length", "char_length", "concat", "substring", "trim",
            "round", "floor", "ceil", "ceiling", "mod", "ifnull", "if", "now", "current_timestamp", "current_date",
            "localtimestamp");

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
            if (finder.unbounded) {
                return null;
            }
            Set<String> tables = new TreeSet<>();
            for (String name : named) {
                if (name.contains(".")) {
                    return null; // another schema: which table that is, the coupling read from this one cannot say
                }
                tables.add(name.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT));
            }
            return tables.isEmpty() ? null : tables;
        } catch (Exception | StackOverflowError unreadable) {
            return null;
        }
    }

    /** JSqlParser's finder, which also notes a call of anything but a {@link #PURE} function. */
    private static final class Finder extends TablesNamesFinder<Void> {

        boolean unbounded;

        @Override
        public <S> Void visit(Function function, S context) {
            String name = function.getName() == null ? "" : function.getName().replace("\"", "").replace("`", "")
                    .toLowerCase(Locale.ROOT);
            if (!PURE.contains(name)) {
                unbounded = true;
            }
            return super.visit(function, context);
        }

        @Override
        public <S> Void visit(TableFunction function, S context) {
            unbounded = true;
            return super.visit(function, context);
        }
    }
}
