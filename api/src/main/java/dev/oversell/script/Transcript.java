package dev.oversell.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What two or more transactions sent and what the engine answered, in the order it happened, printed the way
 * Hermitage prints its tests: a {@code -- T1} line whenever the speaker changes, then each statement with the
 * answer as a comment. Shared by the transactions of one schedule; thread-safe.
 */
public final class Transcript {

    private final List<String[]> lines = Collections.synchronizedList(new ArrayList<>());

    /** Records {@code text} said by transaction {@code who}. */
    public void say(String who, String text) {
        lines.add(new String[] {who, text});
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        String speaker = null;
        synchronized (lines) {
            for (String[] line : lines) {
                if (!line[0].equals(speaker)) {
                    speaker = line[0];
                    out.append("-- ").append(speaker).append('\n');
                }
                out.append(line[1]).append('\n');
            }
        }
        return out.toString();
    }
}
