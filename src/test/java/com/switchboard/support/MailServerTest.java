package com.switchboard.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Tests that need a real SMTP server: GreenMail, started once for the run on a free port, and the
 * application configured to send to it. Every test class that extends this one shares one
 * application context (the same properties), so mail costs one more server start, not one per class.
 */
@SwitchboardTest
public abstract class MailServerTest {

    /** The mail server of the run; a test that stops it starts another in its place, on the same port. */
    protected static GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static int port;

    static {
        MAIL.start();
        port = MAIL.getSmtp().getPort();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> port);
    }

    /** The mail server goes away: what is sent meanwhile waits. */
    protected static synchronized void stopMailServer() {
        MAIL.stop();
    }

    /** The mail server is back, on the same port, as a new server with an empty mailbox. */
    protected static synchronized void restartMailServer() {
        MAIL = new GreenMail(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP));
        MAIL.start();
    }
}
