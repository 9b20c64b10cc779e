package com.switchboard.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Instants and dates in the viewer's time zone and language, for templates:
 * {@code ${@formats.dateTime(instant)}}. Used only through {@code fragments/time.html}.
 */
@Component("formats")
public class Formats {

    private final Clock clock;
    private final MessageSource messages;
    // Formatters are immutable and costly to build from a pattern: one per pattern and language.
    private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

    Formats(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /** Full date and time, for tooltips and timelines: "Tue, Nov 24, 2026, 3:04 PM". */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale())
                .format(instant.atZone(zone()));
    }

    /** Short, for lists: the time today, the weekday this week, else the date. */
    public String brief(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone());
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).format(at);
        }
        if (day.isAfter(today.minusDays(7)) && day.isBefore(today)) {
            return pattern("EEE", locale()).format(at);
        }
        String pattern = day.getYear() == today.getYear() ? (isFrench() ? dayOfMonth(day) + " MMM" : "MMM d") : "yyyy-MM-dd";
        return pattern(pattern, locale()).format(at);
    }

    /**
     * For a message in a thread, always with its time: "3:04 PM" today, "Tue 3:04 PM" this week,
     * "Nov 12, 3:04 PM" before; a thread reads hour by hour.
     */
    public String messageTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone());
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        LocalDate day = at.toLocalDate();
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).format(at);
        if (day.equals(today)) {
            return time;
        }
        String date;
        if (day.isAfter(today.minusDays(7)) && day.isBefore(today)) {
            date = pattern("EEE", locale()).format(at);
        }
        else {
            String pattern = day.getYear() == today.getYear() ? (isFrench() ? dayOfMonth(day) + " MMM" : "MMM d")
                    : (isFrench() ? dayOfMonth(day) + " MMM yyyy" : "MMM d, yyyy");
            date = pattern(pattern, locale()).format(at);
        }
        return messages.getMessage("format.dayAndTime", new Object[] { date, time }, locale());
    }

    /** A day written out: "Thursday, December 3" or "jeudi 3 décembre". */
    public String longDate(LocalDate date) {
        if (date == null) {
            return "";
        }
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        boolean sameYear = date.getYear() == today.getYear() || ChronoUnit.DAYS.between(today, date) < 180;
        String pattern = isFrench() ? (sameYear ? "EEEE " + dayOfMonth(date) + " MMMM" : "EEEE " + dayOfMonth(date) + " MMMM yyyy")
                : (sameYear ? "EEEE, MMMM d" : "EEEE, MMMM d, yyyy");
        return pattern(pattern, locale()).format(date);
    }

    /** A day and time written out: "Thursday, December 3 at 9:00 AM". */
    public String longDateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var at = instant.atZone(zone());
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).format(at);
        return messages.getMessage("format.dateAtTime", new Object[] { longDate(at.toLocalDate()), time }, locale());
    }

    /** A country's name in the viewer's language, for an ISO 3166 code. */
    public String country(String code) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(locale());
    }

    /** ISO instant, for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ZoneId zone() {
        return LocaleContextHolder.getTimeZone().toZoneId();
    }

    private DateTimeFormatter pattern(String pattern, Locale locale) {
        return formatters.computeIfAbsent(pattern + "|" + locale.toLanguageTag(),
                key -> DateTimeFormatter.ofPattern(pattern, locale));
    }

    /** The day of the month in a French pattern: "1er" for the first, as French writes it ("1er décembre"). */
    private static String dayOfMonth(LocalDate date) {
        return date.getDayOfMonth() == 1 ? "d'er'" : "d";
    }

    private static boolean isFrench() {
        return "fr".equals(locale().getLanguage());
    }
}
