package com.switchboard.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * The demo conversations, read from {@code demo/demo-motors.txt}: a header line per customer,
 * then one line per message ({@code <} inbound, {@code >} reply, {@code !} note).
 */
record DemoScript(List<DemoScript.Thread> threads) {

    enum Kind { INBOUND, OUTBOUND, NOTE }

    record Line(Kind kind, String author, LocalTime time, int plusDays, String text) {
    }

    /** One customer and their conversation. {@code assignee} is a teammate key, or null. */
    record Thread(String customerName, String phone, String assignee, boolean closed, int daysAgo, List<Line> lines) {
    }

    private static final Pattern INBOUND = Pattern.compile("^<\\s+(\\d{1,2}:\\d{2})(?:\\s+\\+(\\d+))?\\s+(.+)$");
    private static final Pattern WRITTEN = Pattern.compile("^([>!])\\s+(\\w+)\\s+(\\d{1,2}:\\d{2})(?:\\s+\\+(\\d+))?\\s+(.+)$");

    static DemoScript read(Resource resource) {
        var threads = new ArrayList<Thread>();
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String header = null;
            var lines = new ArrayList<Line>();
            int number = 0;
            for (String raw; (raw = reader.readLine()) != null;) {
                number++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("==")) {
                    if (header != null) {
                        threads.add(thread(header, lines));
                    }
                    header = line.substring(2);
                    lines = new ArrayList<>();
                    continue;
                }
                lines.add(line(line, number));
            }
            if (header != null) {
                threads.add(thread(header, lines));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoScript(List.copyOf(threads));
    }

    private static Thread thread(String header, List<Line> lines) {
        String[] cols = header.split("\\|");
        if (cols.length != 5) {
            throw new IllegalStateException("Demo header needs 5 columns: " + header);
        }
        String assignee = cols[2].strip();
        return new Thread(cols[0].strip(), cols[1].strip(), assignee.equals("-") ? null : assignee,
                cols[3].strip().equalsIgnoreCase("closed"), Integer.parseInt(cols[4].strip()), List.copyOf(lines));
    }

    private static Line line(String line, int number) {
        Matcher inbound = INBOUND.matcher(line);
        if (inbound.matches()) {
            return new Line(Kind.INBOUND, null, LocalTime.parse(pad(inbound.group(1))), days(inbound.group(2)),
                    inbound.group(3));
        }
        Matcher written = WRITTEN.matcher(line);
        if (written.matches()) {
            return new Line(written.group(1).equals(">") ? Kind.OUTBOUND : Kind.NOTE, written.group(2),
                    LocalTime.parse(pad(written.group(3))), days(written.group(4)), written.group(5));
        }
        throw new IllegalStateException("Demo line " + number + " is not a message: " + line);
    }

    private static int days(String plus) {
        return plus == null ? 0 : Integer.parseInt(plus);
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
