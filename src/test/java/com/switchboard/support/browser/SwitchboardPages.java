package com.switchboard.support.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Page objects: what a person does on each screen, in the words of the screen. */
public final class SwitchboardPages {

    private SwitchboardPages() {
    }

    public record SignUpPage(Page page) {

        public InboxPage signUp(String business, String name, String email, String password) {
            page.getByLabel("Business name").fill(business);
            page.getByLabel("Your name").fill(name);
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            return new InboxPage(page);
        }
    }

    public record LoginPage(Page page) {

        public InboxPage logIn(String email, String password) {
            page.locator("#email").fill(email);
            page.locator("#password").fill(password);
            page.locator("form button[type=submit]").click();
            return new InboxPage(page);
        }
    }

    public record InboxPage(Page page) {

        public Locator list() {
            return page.locator("#inbox-items");
        }

        public Locator row(String customer) {
            return list().locator(".conversation-row", new Locator.LocatorOptions().setHasText(customer));
        }

        public Locator thread() {
            return page.locator(".thread__stream");
        }

        public void filter(String name) {
            page.locator(".filters").getByText(name, new Locator.GetByTextOptions().setExact(true)).click();
        }

        public void open(String customer) {
            row(customer).click();
            assertThat(page.locator(".thread__head h2")).containsText(customer);
        }

        /** Types a message and presses Enter, as people do. */
        public void send(String text) {
            page.locator("#composer-body").fill(text);
            page.locator("#composer-body").press("Enter");
            assertThat(thread().locator(".bubble-row").last()).containsText(text);
        }

        public void assignTo(String teammate) {
            page.locator(".picker > summary").click();
            page.locator(".picker .menu__item", new Page.LocatorOptions().setHasText(teammate)).click();
            assertThat(page.locator(".picker > summary")).containsText(teammate);
        }

        public void logOut() {
            page.locator(".usermenu > summary").click();
            page.locator(".usermenu").getByRole(AriaRole.BUTTON).click();
        }

        public SettingsPage settings() {
            page.locator(".usermenu > summary").click();
            page.locator(".usermenu a[href$='/settings']").click();
            return new SettingsPage(page);
        }
    }

    public record SettingsPage(Page page) {

        public void chooseLanguage(String language) {
            page.locator("#locale").selectOption(language);
            page.locator("#profile button[type=submit]").click();
        }
    }

    public record SimulatorPage(Page page) {

        public void textFrom(String phone, String body) {
            page.locator("#phone").fill(phone);
            page.locator("form[method=get] button[type=submit]").click();
            page.locator("#sim-body").fill(body);
            page.locator("#sim-body").press("Enter");
            assertThat(page.locator(".phone-bubble--from-customer").last()).hasText(body);
        }
    }
}
