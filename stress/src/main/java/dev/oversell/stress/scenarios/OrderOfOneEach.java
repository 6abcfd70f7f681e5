package dev.oversell.stress.scenarios;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An order of a scenario: one unit of each of {@link #products}, in that order, whose answer (1 placed, 0 refused)
 * is in result field {@link #field} (from 0). With the scenario's {@link Accounts} it lets the gate tell an order
 * applied in part ({@link dev.oversell.judge.Finding#PARTIALLY_APPLIED}) from other stock that does not add up. The
 * field is also listed in each product's {@link Accounts#sold}: a placed order sold one unit of each line.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(OrderOfOneEach.Orders.class)
public @interface OrderOfOneEach {

    int field();

    String[] products();

    /** Several orders. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Orders {
        OrderOfOneEach[] value();
    }
}
