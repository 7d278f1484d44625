package dev.overlaylab.provider.virtualbox.image;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a download is, as the message of a {@code PROGRESS} event of step {@link #STEP}:
 * {@code 42% 31.5 MB of 75.0 MB at 2.1 MB/s}. Progress events carry only text, so the app reads
 * the numbers back with {@link #parse}; writing and reading live here together so they cannot drift.
 *
 * @param bytes          bytes in the file so far (a resumed download counts what it had)
 * @param total          the whole file's size when the server said it
 * @param bytesPerSecond the rate of this connection
 */
public record DownloadProgress(long bytes, OptionalLong total, double bytesPerSecond) {
    public static final String STEP = "download";
    private static final Pattern FORM = Pattern.compile(
            "^(?:(\\d+)% )?([\\d.]+) (B|KB|MB|GB)(?: of ([\\d.]+) (B|KB|MB|GB))? at ([\\d.]+) (B|KB|MB|GB)/s");

    /** Whole percent, when the total is known. */
    public OptionalLong percent() {
        if (total.isEmpty() || total.getAsLong() <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(100, bytes * 100 / total.getAsLong()));
    }

    public String message() {
        String done = size(bytes);
        String rate = size((long) bytesPerSecond) + "/s";
        return total.isPresent()
                ? percent().getAsLong() + "% " + done + " of " + size(total.getAsLong()) + " at " + rate
                : done + " at " + rate;
    }

    /** The numbers back from {@link #message()} (rounded as it rounds them); empty for other text. */
    public static Optional<DownloadProgress> parse(String message) {
        Matcher m = FORM.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        long bytes = bytes(m.group(2), m.group(3));
        OptionalLong total = m.group(4) == null ? OptionalLong.empty() : OptionalLong.of(bytes(m.group(4), m.group(5)));
        if (m.group(1) != null && total.isPresent()) {
            // the sizes are rounded; the percent was computed from exact numbers, so it wins
            bytes = total.getAsLong() * Long.parseLong(m.group(1)) / 100;
        }
        return Optional.of(new DownloadProgress(bytes, total, bytes(m.group(6), m.group(7))));
    }

    static String size(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KB", "MB", "GB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static long bytes(String number, String unit) {
        double v = Double.parseDouble(number);
        int shift = switch (unit) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        };
        return (long) (v * (1L << shift));
    }
}
