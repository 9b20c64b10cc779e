package com.switchboard.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;

/** Checks every page must pass, whatever it shows. */
public final class Pages {

    /** WCAG 2.2 levels A and AA, as axe-core tags them. */
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a",
            "wcag22aa");

    private Pages() {
    }

    /**
     * Zero axe-core violations of WCAG 2.2 A and AA, listed with where they are when there are some.
     * While a menu or a bubble is open, it covers part of the page: target sizes (2.5.8) are then
     * checked inside it, and those of the targets it covers were checked with it closed.
     */
    public static void assertAccessible(Page page, String what) {
        String floating = "details[open] > .menu__panel, details[open] > .confirm__panel, :popover-open";
        boolean covered = (Boolean) page.evaluate("s => document.querySelector(s) !== null", floating);
        var axe = new AxeBuilder(page).withTags(WCAG_22_AA);
        if (covered) {
            axe.disableRules(List.of("target-size"));
            report(new AxeBuilder(page).withRules(List.of("target-size")).include(floating).analyze().getViolations(),
                    what + ", inside what is open");
        }
        report(axe.analyze().getViolations(), what);
    }

    private static void report(List<com.deque.html.axecore.results.Rule> violations, String what) {
        assertThat(violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream()
                        .limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .toList())
                .as("axe-core on " + what)
                .isEmpty();
    }

    /** Nothing wider than the window: no sideways scrolling. */
    public static void assertNoSidewaysScroll(Page page, String what) {
        var widths = (List<?>) page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(0)).intValue()).as("scrollWidth of " + what)
                .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
    }

    /** No message key shown as such ("??key_fr??" is how a missing message renders). */
    public static void assertNoRawMessageKeys(Page page, String what) {
        assertThat(page.content()).as("raw message keys on " + what).doesNotContainPattern("\\?\\?[\\w.]+_[a-zA-Z_]+\\?\\?");
    }
}
