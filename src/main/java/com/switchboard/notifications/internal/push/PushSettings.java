package com.switchboard.notifications.internal.push;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web Push settings, under {@code switchboard.push}.
 *
 * @param serviceHosts the push services a browser's subscription may point at (a host, or a parent
 *        domain of it): the browsers' own services by default. Nothing else is ever sent a request,
 *        so a subscription cannot make the server call an address of someone's choosing.
 */
@ConfigurationProperties("switchboard.push")
record PushSettings(@DefaultValue({ "fcm.googleapis.com", "push.services.mozilla.com", "push.apple.com",
        "notify.windows.com" }) List<String> serviceHosts) {

    boolean allows(String host) {
        return host != null && serviceHosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }
}
