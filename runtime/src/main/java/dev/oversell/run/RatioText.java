package dev.oversell.run;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How a throughput ratio is written wherever one is shown (the benchmark summary, the report): two significant
 * digits, and a small ratio also as "1/n" ({@code 0.005 (1/200)}), because "200 times slower" reads better than
 * a row of zeros.
 */
public final class RatioText {

    private RatioText() {
    }

    /** The ratio as text; a dash when there is none. */
    public static String of(Double ratio) {
        if (ratio == null) {
            return "—";
        }
        String digits = twoDigits(ratio);
        return ratio > 0 && ratio < 0.5 ? digits + " (1/" + twoDigits(1 / ratio) + ")" : digits;
    }

    private static String twoDigits(double value) {
        String plain = new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        return plain.contains(".") || plain.length() > 1 ? plain : plain + ".0";
    }
}
