package dev.oversell.redis.gate;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of Redis's wire protocol (RESP2 and RESP3) for the gate's proxy: a client's command read as one
 * frame (an array of bulk strings, or an inline command), and a server's reply read whole, kept as the bytes to pass
 * on and as the text {@code redis-cli} would print. The proxy never rewrites a frame: it only decides when to pass it.
 */
final class Resp {

    private Resp() {
    }

    /** A client's command: its words, and the bytes it came in. */
    record Command(List<String> words, byte[] raw) {
        String name() {
            return words.isEmpty() ? "" : words.get(0).toUpperCase(java.util.Locale.ROOT);
        }

        /** As a person types it into {@code redis-cli}: words quoted where they must be. */
        String typed() {
            StringBuilder out = new StringBuilder();
            for (String word : words) {
                out.append(out.length() == 0 ? "" : " ").append(quoted(word));
            }
            return out.toString();
        }
    }

    /** A server's reply: the bytes to pass on, and how {@code redis-cli} would show it, on one line. */
    record Reply(byte[] raw, String shown) {
    }

    /** The next command from a client, or null at the end of its stream. */
    static Command readCommand(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String first = line(in, raw, true);
        if (first == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        if (first.startsWith("*")) {
            int n = Integer.parseInt(first.substring(1));
            for (int i = 0; i < n; i++) {
                String header = line(in, raw, false);
                if (!header.startsWith("$")) {
                    throw new IOException("a command's word is a bulk string, got '" + header + "'");
                }
                words.add(new String(bulk(in, raw, Integer.parseInt(header.substring(1))), StandardCharsets.UTF_8));
            }
        } else {
            for (String word : first.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return new Command(List.copyOf(words), raw.toByteArray());
    }

    /** The next whole reply from the server. */
    static Reply readReply(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String shown = value(in, raw);
        return new Reply(raw.toByteArray(), shown);
    }

    private static String value(InputStream in, ByteArrayOutputStream raw) throws IOException {
        String line = line(in, raw, false);
        char type = line.charAt(0);
        String rest = line.substring(1);
        switch (type) {
            case '+':
                return rest;
            case '-':
            case '!':
                return "(error) " + (type == '!' ? new String(bulk(in, raw, Integer.parseInt(rest)), StandardCharsets.UTF_8) : rest);
            case ':':
                return "(integer) " + rest;
            case ',':
                return "(double) " + rest;
            case '(':
                return "(integer) " + rest;
            case '#':
                return rest.equals("t") ? "(true)" : "(false)";
            case '_':
                return "(nil)";
            case '$':
            case '=': {
                int length = Integer.parseInt(rest);
                return length < 0 ? "(nil)" : alwaysQuoted(new String(bulk(in, raw, length), StandardCharsets.UTF_8));
            }
            case '*':
            case '~':
            case '>': {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return "(nil)";
                }
                if (n == 0) {
                    return "(empty array)";
                }
                StringBuilder out = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    out.append(i == 1 ? "" : " ").append(i).append(") ").append(value(in, raw));
                }
                return out.toString();
            }
            case '%': {
                int n = Integer.parseInt(rest);
                StringBuilder out = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    out.append(i == 1 ? "" : " ").append(i).append("# ").append(value(in, raw)).append(" => ")
                            .append(value(in, raw));
                }
                return n == 0 ? "(empty hash)" : out.toString();
            }
            case '|': {
                int n = Integer.parseInt(rest); // attributes: read and pass on, then the reply they annotate
                for (int i = 0; i < 2 * n; i++) {
                    value(in, raw);
                }
                return value(in, raw);
            }
            default:
                throw new IOException("not a RESP reply: '" + line + "'");
        }
    }

    /** One CRLF-ended line (without the CRLF), appended to {@code raw}; null at a clean end when allowed. */
    private static String line(InputStream in, ByteArrayOutputStream raw, boolean endAllowed) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && text.size() == 0) {
                    return null;
                }
                throw new EOFException("the stream ended inside a RESP frame");
            }
            raw.write(b);
            if (previous == '\r' && b == '\n') {
                byte[] bytes = text.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            text.write(b);
            previous = b;
        }
    }

    private static byte[] bulk(InputStream in, ByteArrayOutputStream raw, int length) throws IOException {
        byte[] bytes = in.readNBytes(length + 2);
        if (bytes.length < length + 2) {
            throw new EOFException("the stream ended inside a bulk string");
        }
        raw.write(bytes);
        byte[] content = new byte[length];
        System.arraycopy(bytes, 0, content, 0, length);
        return content;
    }

    /** A word as {@code redis-cli} reads it: bare when it can be, else double-quoted with escapes. */
    static String quoted(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\'' && c != '\\')) {
            return word;
        }
        return alwaysQuoted(word);
    }

    /** A word double-quoted with {@code redis-cli}'s escapes, as it shows a bulk string. */
    static String alwaysQuoted(String word) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : word.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
