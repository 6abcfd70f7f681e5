package dev.oversell.redis.gate;

import java.util.List;

/**
 * The Hermitage-style script of one execution: what each buyer sent, in the order Redis ran it, with what Redis
 * answered after {@code --}, ready to be typed into one {@code redis-cli} per buyer (the part before {@code --}).
 * Keys are shown under the stable prefix {@value #REPLAY_PREFIX}, not the run's, so the script reads the same in
 * every run and replays on any server.
 */
final class RedisScript {

    static final String REPLAY_PREFIX = "oversell:{replay}:";

    private RedisScript() {
    }

    /**
     * @param header   comment lines, each printed after {@code # }
     * @param setUp    the commands that make the store (and load its scripts), as typed
     * @param lines    the run's transcript
     * @param prefix   the run's key prefix, replaced by {@value #REPLAY_PREFIX}
     * @param result   what the execution showed, one line
     */
    static String of(List<String> header, List<String> setUp, List<CommandGate.Line> lines, String prefix,
                     String result) {
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append("# ").append(h).append('\n'));
        out.append("# set-up, in any session\n");
        setUp.forEach(c -> out.append(stable(c, prefix)).append('\n'));
        int last = -1;
        for (CommandGate.Line line : lines) {
            if (line.buyer() != last) {
                out.append("-- B").append(line.buyer() + 1).append('\n');
                last = line.buyer();
            }
            out.append(stable(line.typed(), prefix)).append("   -- ").append(stable(line.answer(), prefix)).append('\n');
        }
        out.append("# result\n# ").append(result).append('\n');
        return out.toString();
    }

    private static String stable(String text, String prefix) {
        return text.replace(prefix, REPLAY_PREFIX);
    }
}
