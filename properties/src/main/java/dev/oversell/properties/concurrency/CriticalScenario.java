package dev.oversell.properties.concurrency;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static dev.oversell.properties.concurrency.HotProduct.A;
import static dev.oversell.properties.concurrency.HotProduct.B;

/**
 * The shapes of concurrent calls where inventories break, written out by hand so that every design meets each
 * of them in every run: the last unit, two-unit buyers against stock that is not a multiple of two, three buyers
 * at once, two products at once, the same request sent twice where a second application fits (a design that
 * applies it twice loses units: a lost update, not merely an answer no order explains), stock reads during
 * purchases, a purchase racing a restock. Each is small: the model checker explores its interleavings up to a
 * bound ({@link LincheckMode}). Lincheck runs the setup first, then the threads, each in the order written.
 *
 * @param name  what the shape is, as the evidence names it
 * @param setup calls made before the threads start
 * @param threads the calls of each concurrent thread
 */
record CriticalScenario(String name, List<Call> setup, List<List<Call>> threads) {

    /** Every critical shape, the oversell hunts first (a check reports the first failure it finds). */
    static final List<CriticalScenario> ALL = List.of(
            new CriticalScenario("two buyers of 2 units, 3 in stock", List.of(),
                    List.of(List.of(buy(1, A, 2)), List.of(buy(2, A, 2)))),
            new CriticalScenario("last unit", List.of(buy(1, B, 1)),
                    List.of(List.of(buy(2, B, 1)), List.of(buy(3, B, 1)))),
            new CriticalScenario("three buyers, 4 units asked, 3 in stock", List.of(),
                    List.of(List.of(buy(1, A, 2)), List.of(buy(2, A, 1)), List.of(buy(3, A, 1)))),
            new CriticalScenario("two products at once", List.of(),
                    List.of(List.of(buy(1, A, 2), buy(3, B, 2)), List.of(buy(2, B, 2), buy(4, A, 2)))),
            // 4 in stock, so that a second application of the same request fits: applied twice, it takes 4 units
            // and the accounts (which count a request id once) are short by 2, a lost update
            new CriticalScenario("the same request sent twice, 4 in stock", List.of(restock(A, 1)),
                    List.of(List.of(buy(1, A, 2)), List.of(buy(1, A, 2)))),
            new CriticalScenario("stock reads during purchases", List.of(),
                    List.of(List.of(buy(1, A, 2), buy(2, A, 1)), List.of(stock(A), stock(A)))),
            new CriticalScenario("a purchase racing a restock", List.of(buy(1, A, 2)),
                    List.of(List.of(buy(2, A, 2)), List.of(restock(A, 1)))),
            new CriticalScenario("restocks and purchases of two products", List.of(),
                    List.of(List.of(restock(A, 1), buy(1, B, 2)), List.of(restock(B, 1), buy(2, A, 2)))));

    /**
     * The shapes where orders of several lines break, met by designs that take orders ({@link Contract#ORDERS})
     * after {@link #ALL}. Two orders taking the same two products in opposite orders (both fit: a design that locks
     * the lines in the order written deadlocks here, and the model checker reports the hang); an order racing a
     * purchase of one of its lines (3 units of A, 2 asked by each: only one fits; a design that checks every line
     * and then takes them with nothing held across oversells A); an order refused for a short line while a purchase
     * takes the other (a design that takes the lines that fit before it finds the short one leaves units gone that
     * nobody was told of: a lost update).
     */
    static final List<CriticalScenario> ORDERS = List.of(
            new CriticalScenario("two orders of the same two products in opposite order", List.of(),
                    List.of(List.of(place(5, A, 1, B, 1)), List.of(place(6, B, 1, A, 1)))),
            new CriticalScenario("an order racing a purchase of one of its lines", List.of(),
                    List.of(List.of(place(5, A, 2, B, 1)), List.of(buy(1, A, 2)))),
            new CriticalScenario("an order with a short line, a purchase of its other line", List.of(buy(1, B, 1)),
                    List.of(List.of(place(5, A, 2, B, 2)), List.of(buy(2, A, 2), stock(A)))));

    /** One call of {@link InventoryOperations} (or {@link OrderOperations}), by name and arguments. */
    record Call(String operation, Object... arguments) {

        Actor on(Class<?> testClass) {
            Method method = Arrays.stream(testClass.getMethods()).filter(m -> m.getName().equals(operation)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(testClass.getName() + " has no operation " + operation));
            return new Actor(method, List.of(arguments));
        }

        @Override
        public String toString() {
            return operation + Arrays.toString(arguments).replace('[', '(').replace(']', ')');
        }
    }

    static Call buy(int id, HotProduct product, int quantity) {
        return new Call("buy", id, product, quantity);
    }

    /** An order of two lines, {@code first} then {@code second}. */
    static Call place(int id, HotProduct first, int firstUnits, HotProduct second, int secondUnits) {
        return new Call("place", id, first, firstUnits, second, secondUnits);
    }

    static Call stock(HotProduct product) {
        return new Call("stock", product);
    }

    static Call restock(HotProduct product, int units) {
        return new Call("restock", product, units);
    }

    /** The scenario as Lincheck runs it, on {@code testClass}'s operations. */
    ExecutionScenario on(Class<?> testClass) {
        return new ExecutionScenario(setup.stream().map(call -> call.on(testClass)).toList(),
                threads.stream().map(thread -> thread.stream().map(call -> call.on(testClass)).toList()).toList(),
                List.of(), null);
    }

    int operations() {
        return setup.size() + threads.stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return name;
    }
}
