package dev.oversell.judge;

/**
 * What one check saw, in the words every checker, report and doc of Oversell uses. Each word means one thing:
 *
 * <ul>
 *   <li>{@link #OVERSOLD}: more units were answered "purchased" than ever existed (initial stock plus every
 *       restock that was applied). The only finding that demonstrates a "may oversell" claim.</li>
 *   <li>{@link #PARTIALLY_APPLIED}: no more was sold than existed, but an order of several lines was applied in
 *       part: the stock left shows some of its lines taken and not the others (an order answered "refused" that
 *       took a line, one answered "placed" that left a line in stock). All or nothing is broken; only the accounts
 *       of every product together show which order it was.</li>
 *   <li>{@link #LOST_UPDATE}: no more was sold than existed, but stock and sales do not add up (a restock
 *       lost under a stale write, units taken for a sale nobody was told of, a request applied twice).</li>
 *   <li>{@link #HUNG}: nothing above was seen, but a call never answered: calls waiting for each other for ever
 *       (two orders locking the same products in opposite orders), a livelock, a wait nothing ends. The contract
 *       says a call must answer; the evidence names the cycle where the checker can (Lincheck's deadlock trace, the
 *       threads and locks of a jcstress fork). A deadlock a database breaks by refusing one transaction is not a
 *       hang: it is a refusal, judged on the accounts.</li>
 *   <li>{@link #NOT_LINEARIZABLE}: stock and sales add up, but the answers fit no sequential order of the
 *       calls (a stale stock read, a buyer refused while stock was there).</li>
 *   <li>{@link #HELD}: every run was explained by some sequential order and stock and sales added up.</li>
 * </ul>
 *
 * A checker reports the most serious finding it saw; {@link #worst} orders them.
 */
public enum Finding {
    OVERSOLD("oversold", "units sold exceed units that existed"),
    PARTIALLY_APPLIED("partially applied", "an order of several lines took some of its lines and not the others"),
    LOST_UPDATE("lost update", "stock and sales do not add up; no more was sold than existed"),
    HUNG("hung", "a call never answered (a deadlock, a livelock); nothing sold beyond the stock was seen"),
    NOT_LINEARIZABLE("not linearizable", "stock and sales add up, but the answers fit no sequential order"),
    HELD("held", "every run was explained by a sequential order, and stock and sales added up");

    private final String word;
    private final String meaning;

    Finding(String word, String meaning) {
        this.word = word;
        this.meaning = meaning;
    }

    /** The word reports print: {@code oversold}, {@code lost update}, {@code hung}, {@code not linearizable}, {@code held}. */
    public String word() {
        return word;
    }

    /** One line saying what the word means, for legends. */
    public String meaning() {
        return meaning;
    }

    /** True for every finding but {@link #HELD}: something the contract forbids was seen. */
    public boolean anomaly() {
        return this != HELD;
    }

    /**
     * What the accounts of one run say, once it is quiet: {@code existed} units existed (initial stock plus
     * applied restocks), {@code sold} units were answered "purchased" (each request counted once), and the
     * stock reads {@code stockNow}. Gives {@link #OVERSOLD}, {@link #LOST_UPDATE} or {@link #HELD}; whether the
     * answers fit a sequential order is for the checker to say.
     */
    public static Finding ofAccounts(long existed, long sold, long stockNow) {
        if (sold > existed) {
            return OVERSOLD;
        }
        if (stockNow < 0 || stockNow + sold != existed) {
            return LOST_UPDATE;
        }
        return HELD;
    }

    /** The more serious of two findings (declaration order: oversold first). */
    public static Finding worst(Finding a, Finding b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** The finding a word names (as written in evidence files). */
    public static Finding ofWord(String word) {
        for (Finding f : values()) {
            if (f.word.equals(word)) {
                return f;
            }
        }
        throw new IllegalArgumentException("not a finding: '" + word + "'");
    }
}
