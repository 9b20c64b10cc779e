package com.switchboard.support.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;

/**
 * The browsers one test opens, each a teammate's own (its own cookies) with them logged in, all
 * closed when the test ends. A browser test class registers it:
 * {@code @RegisterExtension final SignedInBrowsers browsers = new SignedInBrowsers();}
 */
public final class SignedInBrowsers implements BeforeEachCallback, AfterEachCallback {

    private final List<BrowserContext> open = new ArrayList<>();
    private String baseUrl;

    @Override
    public void beforeEach(ExtensionContext context) {
        baseUrl = SpringExtension.getApplicationContext(context).getBean(Api.class).baseUrl();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(BrowserContext::close);
        open.clear();
    }

    /** A teammate logged in, in a desktop browser speaking {@code locale}, on the page logging in leads to. */
    public Page logIn(Fixtures.Member member, String locale) {
        return logIn(member, locale, 1440, 900);
    }

    /** The same in a window of that size: 390 x 844 is a phone. */
    public Page logIn(Fixtures.Member member, String locale, int width, int height) {
        var browser = Browsers.newContext(locale, width, height);
        open.add(browser);
        var page = browser.newPage();
        page.navigate(baseUrl + "/login");
        new LoginPage(page).logIn(member.email(), Fixtures.PASSWORD);
        // Logged in once the page after the form names them.
        assertThat(page.locator(".usermenu")).containsText(member.name());
        return page;
    }
}
