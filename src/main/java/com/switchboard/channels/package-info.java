/**
 * How texts reach customers' phones and come back: the {@link com.switchboard.channels.SmsChannel}
 * interface, the built-in customer phone simulator, and the queue that sends outbound messages
 * after they are stored. Nothing outside this module knows which provider is in use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package com.switchboard.channels;
