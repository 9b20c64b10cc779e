package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Mistakes in templates that render without an error, and so that no page test would notice. */
class TemplatesTests {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>", Pattern.DOTALL);
    private static final Pattern INCLUSION = Pattern.compile("\\bth:(replace|insert)=");
    private static final Pattern CONDITION = Pattern.compile("\\bth:(if|unless|each)=");

    /**
     * Thymeleaf includes a fragment (precedence 100) before it iterates (200) or tests a condition
     * (300): on one element, {@code th:if} does not keep {@code th:replace} from happening. The
     * inbox rendered its empty state beside an open conversation that way.
     */
    @Test
    void noConditionSitsOnTheElementItIsMeantToGuardFromAFragmentInclusion() throws IOException {
        var wrong = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var tags = TAG.matcher(Files.readString(file));
                while (tags.find()) {
                    String tag = tags.group();
                    if (INCLUSION.matcher(tag).find() && CONDITION.matcher(tag).find()) {
                        wrong.add(file.getFileName() + ": " + tag.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
