package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.WebSession;

/** Instants are stored in UTC and shown in the viewer's time zone and language, everywhere. */
@SwitchboardTest
class ViewerLanguageAndTimeTests {

    private static final Pattern TIME = Pattern.compile("<time datetime=\"([^\"]+)\" title=\"([^\"]+)\"");

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Test
    void eachViewerSeesTimesInTheirOwnTimeZoneAndLanguage() {
        var team = fixtures.team("America/Toronto");
        var tokyo = fixtures.member(team, "Kenji Sato", "AGENT", "fr");
        api.patch("/api/v1/users/" + tokyo.id(), tokyo.token(), Map.of("timeZone", "Asia/Tokyo"));
        String conversation = fixtures.conversation(team);

        String torontoPage = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD)
                .get("/conversations/" + conversation + "?assignee=all").body();
        String tokyoPage = WebSession.login(api, tokyo.email(), Fixtures.PASSWORD)
                .get("/conversations/" + conversation + "?assignee=all").body();

        assertTimesShownIn(torontoPage, ZoneId.of("America/Toronto"), Locale.ENGLISH);
        assertTimesShownIn(tokyoPage, ZoneId.of("Asia/Tokyo"), Locale.FRENCH);
        assertThat(tokyoPage).contains("<html lang=\"fr\">", "Boîte de réception", "Réponse");
        assertThat(torontoPage).contains("<html lang=\"en\">", "Inbox", "Reply");
    }

    @Test
    void beforeLoggingInTheBrowsersLanguageOrTheChosenOneApplies() {
        var browser = WebSession.anonymous(api);
        assertThat(browser.get("/login").body()).contains("Log in");
        assertThat(browser.get("/login?lang=fr").body()).contains("Connexion", "Se connecter");
        assertThat(browser.get("/signup").body()).contains("Créez votre compte");
    }

    private static void assertTimesShownIn(String page, ZoneId zone, Locale locale) {
        var times = TIME.matcher(page);
        int found = 0;
        while (times.find()) {
            Instant instant = Instant.parse(times.group(1));
            String expected = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).format(instant.atZone(zone));
            assertThat(unescape(times.group(2))).isEqualTo(expected);
            found++;
        }
        assertThat(found).isPositive();
    }

    private static String unescape(String html) {
        return html.replace("&nbsp;", "\u00a0").replace("&#39;", "'").replace("&amp;", "&");
    }
}
