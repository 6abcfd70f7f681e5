package dev.oversell.stress.scenarios;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where one product's accounts are in a scenario's result, so that the gate can say what an outcome the
 * scenario does not list as acceptable means, by the numbers and not by a hand-written pattern
 * ({@link dev.oversell.judge.Finding#ofAccounts}): units that existed ({@link #initial} plus
 * {@link #restockUnits} for each restock field that reads 1), units sold (the sum of the {@link #sold} fields
 * that are positive) and the stock afterwards ({@link #stock}). Field indexes count from 0 ({@code r1} is 0).
 * A scenario whose stock cannot be read afterwards declares no accounts; then an outcome it does not list is
 * "not linearizable".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Accounts.Products.class)
public @interface Accounts {

    /** The product these accounts are of; needed only where {@link OrderOfOneEach} names products. */
    String product() default DesignState.SKU;

    long initial();

    int[] sold();

    int stock();

    int[] restocked() default {};

    long restockUnits() default 1;

    /** Several products' accounts. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Products {
        Accounts[] value();
    }
}
