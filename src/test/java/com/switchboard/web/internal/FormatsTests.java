package com.switchboard.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.support.StaticMessageSource;

/** Dates and times as each language writes them, in the viewer's time zone. */
class FormatsTests {

    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    // Thursday, November 26, 2026, 10:00 in Montréal.
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T15:00:00Z"), MONTREAL);
    private final Formats formats;

    FormatsTests() {
        var messages = new StaticMessageSource();
        messages.addMessage("format.dateAtTime", Locale.ENGLISH, "{0} at {1}");
        messages.addMessage("format.dayAndTime", Locale.CANADA, "{0}, {1}");
        messages.addMessage("format.dayAndTime", Locale.CANADA_FRENCH, "{0}, {1}");
        formats = new Formats(clock, messages);
    }

    @AfterEach
    void forgetViewer() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void frenchWritesTheFirstOfTheMonthAsPremier() {
        viewer(Locale.CANADA_FRENCH);
        assertThat(formats.longDate(LocalDate.of(2026, 12, 1))).isEqualTo("mardi 1er décembre");
        assertThat(formats.longDate(LocalDate.of(2026, 12, 3))).isEqualTo("jeudi 3 décembre");
        viewer(Locale.CANADA);
        assertThat(formats.longDate(LocalDate.of(2026, 12, 1))).isEqualTo("Tuesday, December 1");
    }

    @Test
    void aMessageAlwaysShowsItsTimeEvenWhenItIsOld() {
        viewer(Locale.CANADA);
        assertThat(formats.messageTime(Instant.parse("2026-11-26T14:05:00Z"))).isEqualTo("9:05 a.m.");
        assertThat(formats.messageTime(Instant.parse("2026-11-24T20:30:00Z"))).isEqualTo("Tue., 3:30 p.m.");
        assertThat(formats.messageTime(Instant.parse("2026-11-02T20:30:00Z"))).isEqualTo("Nov. 2, 3:30 p.m.");
        viewer(Locale.CANADA_FRENCH);
        assertThat(formats.messageTime(Instant.parse("2026-11-01T14:00:00Z"))).isEqualTo("1er nov., 09 h 00");
    }

    private static void viewer(Locale locale) {
        LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(locale, TimeZone.getTimeZone(MONTREAL)));
    }
}
