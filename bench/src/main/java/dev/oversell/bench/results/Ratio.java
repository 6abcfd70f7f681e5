package dev.oversell.bench.results;

/**
 * One line of {@code ratios.json}: a result divided by its reference, measured in the same run. In memory the
 * reference is the CAS loop ({@code cas-loop}) at the same thread count; on a database, the raw conditional
 * {@code UPDATE} ({@code raw-update}) on the same engine with the same number of clients.
 *
 * <p>{@code opsPerSecond} is JMH's score (purchases per second, all threads together), {@code error} JMH's
 * 99.9% half-width (null below 3 measurement iterations), {@code min} and {@code max} the lowest and highest
 * iteration scores. {@code reference} names the reference; {@code referenceOpsPerSecond} and
 * {@code referenceError} are its score and error. {@code ratio} = opsPerSecond / referenceOpsPerSecond: 1 is as
 * fast as the reference, 0.1 a tenth of its throughput (10 times slower). {@code ratioError} is a rough
 * propagation of both errors (relative errors added in quadrature), null where either is unknown.
 * {@code failedPerSecond} counts purchases that ended in an error (database group only). Numbers that do not
 * exist are null, never 0.
 */
public record Ratio(String group, String engine, String benchmark, String variant, int threads,
                    Double opsPerSecond, Double error, Double min, Double max, String reference,
                    Double referenceOpsPerSecond, Double referenceError, Double ratio, Double ratioError,
                    Double failedPerSecond) {

    /** {@code measured} over {@code reference}; the reference may be null (its fork failed): no ratio then. */
    static Ratio of(Measurement measured, Measurement reference) {
        Double ratio = null;
        Double ratioError = null;
        if (reference != null && reference.opsPerSecond() > 0) {
            ratio = measured.opsPerSecond() / reference.opsPerSecond();
            double relative = Math.hypot(measured.error() / measured.opsPerSecond(),
                    reference.error() / reference.opsPerSecond());
            ratioError = finite(ratio * relative);
        }
        return new Ratio(measured.group(), measured.engine(), measured.benchmark(), measured.variant(),
                measured.threads(), finite(measured.opsPerSecond()), finite(measured.error()),
                finite(measured.min()), finite(measured.max()),
                reference == null ? null : reference.variant(),
                reference == null ? null : finite(reference.opsPerSecond()),
                reference == null ? null : finite(reference.error()), finite(ratio), ratioError,
                finite(measured.failedPerSecond()));
    }

    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }
}
