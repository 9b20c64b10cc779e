package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every visible word exists in English and in French, and every word a page asks for exists. */
class MessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:error|away|user|password|email|name|phone|customer|message|conversation|account|accountName|"
                    + "timeZone|locale|role|token|login|banner|notifications|format|delivery)\\.[a-zA-Z.]+)\"");

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        assertThat(load("messages_fr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyThePagesAndTheCodeUseExists() throws IOException {
        var english = load("messages.properties").stringPropertyNames();
        var used = new TreeSet<String>();
        collect(Path.of("src/main/resources/templates"), TEMPLATE_KEY, used);
        collect(Path.of("src/main/java"), CODE_KEY, used);

        assertThat(used).hasSizeGreaterThan(200);
        assertThat(english).containsAll(used);
    }

    @Test
    void noFrenchMessageIsLeftInEnglish() throws IOException {
        var english = load("messages.properties");
        var french = load("messages_fr.properties");
        // Words that are the same in both languages.
        Set<String> same = Set.of("table.actions", "inbox.conversations", "conversation.messages", "composer.label",
                "role.AGENT", "inbox.pages", "inbox.page", "away.history.message", "notifications.title",
                "event.away.colon", "format.dateAtTime", "message.kindInvalid", "settings.tokens.revoke",
                "simulator.messagesWith", "panel.conversation", "layout.mainNavigation", "team.awayStatus",
                "away.history.setBy", "settings.profile", "inbox.count", "inbox.backToList", "layout.menu",
                "role.ADMIN", "apiDocs.back", "push.title",
                // A brand, and the label of Twilio's own (English-only) console.
                "sms.provider.TWILIO", "sms.connect.incoming");
        var untranslated = new TreeSet<String>();
        for (String key : english.stringPropertyNames()) {
            if (english.getProperty(key).equals(french.getProperty(key)) && !same.contains(key)
                    && english.getProperty(key).matches(".*[a-z]{3,}.*")) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            // The live stream's event names ("message.created") look like keys, and are not.
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.endsWith(Path.of("live", "internal", "LiveTypes.java"))
                            && !f.endsWith(Path.of("live", "LiveFacts.java"))).toList()) {
                var matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    // Keys completed at run time ('role.' + role) are checked by their pages' tests.
                    if (!key.endsWith(".")) {
                        into.add(key);
                    }
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
