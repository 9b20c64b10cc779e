package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.switchboard.system.ProblemTypes;

/**
 * Every problem code the API can answer is listed, with its meaning, in {@code docs/problems.md}:
 * integrators program against those codes. The list is made from the code itself (each message key
 * a refusal is built from), so a new refusal cannot ship undocumented.
 */
class ProblemCatalogTests {

    static final Path CATALOG = Path.of("docs/problems.md");

    // A refusal names its message key as a string literal where it is made.
    private static final Pattern REFUSAL_LINE = Pattern.compile(
            "Exception\\(|super\\(|reject\\(|Problem\\(|problems\\.write\\(|problem\\(HttpStatus|\\? \"");
    private static final Pattern KEY = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"");
    // Answered without an exception: the database away (DatabaseUnavailable), a failure of ours (Refusals).
    private static final String[] ANSWERED_DIRECTLY = { "error.unavailable.detail", "error.unexpected" };
    // Titles: a problem's code comes from its detail, never from its title.
    private static final Set<String> TITLES = Set.of("error.generic", "error.invalidInput",
            "error.unauthorized", "error.forbidden", "error.notFound", "error.conflict", "error.tooManyRequests",
            "error.unavailable");

    @Test
    void everyProblemCodeTheApiAnswersIsListedWithItsMeaning() throws IOException {
        var messages = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        var codes = new TreeMap<String, String>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(source)) {
                    if (!REFUSAL_LINE.matcher(line).find()) {
                        continue;
                    }
                    var key = KEY.matcher(line);
                    while (key.find()) {
                        if (messages.containsKey(key.group(1)) && !TITLES.contains(key.group(1))) {
                            codes.put(ProblemTypes.code(key.group(1)), messages.getProperty(key.group(1)));
                        }
                    }
                }
            }
        }
        for (String key : ANSWERED_DIRECTLY) {
            codes.put(ProblemTypes.code(key), messages.getProperty(key));
        }
        assertThat(codes).containsKeys("customer.phone-taken", "message.customer-unsubscribed", "not-found",
                "unauthorized", "bad-token", "csrf", "unavailable", "login.failed");

        var catalog = new StringBuilder("""
                # Problem codes

                Every refusal of the API is `application/problem+json` (RFC 9457) with a `code` member and a
                `type` URI made from it (`%s` followed by the code). Program against the code: it stays the
                same from release to release, in every language. `title` and `detail` are for people, in the
                language of `Accept-Language` (else the caller's settings). Invalid input also lists each
                field that is wrong in `errors`, each with its own `field`, `code` and `message`.

                This list is made from the code by `ProblemCatalogTests`, which fails when it is not complete.
                The meanings are the English messages; `{0}` stands for what the message names.

                | Code | Meaning |
                |---|---|
                """.formatted(ProblemTypes.TYPE_PREFIX));
        codes.forEach((code, meaning) -> catalog.append("| `").append(code).append("` | ")
                .append(meaning.replace("|", "\\|").replace("\n", " ")).append(" |\n"));

        if (Boolean.getBoolean("switchboard.write-api-document")) {
            Files.writeString(CATALOG, catalog);
        }
        assertThat(Files.exists(CATALOG) ? Files.readString(CATALOG) : "")
                .as("docs/problems.md is not complete. Write it again with: ./mvnw test -Dtest=ProblemCatalogTests "
                        + "-Dswitchboard.write-api-document=true")
                .isEqualTo(catalog.toString());
    }
}
