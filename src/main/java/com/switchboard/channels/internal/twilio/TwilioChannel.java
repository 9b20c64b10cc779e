package com.switchboard.channels.internal.twilio;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.switchboard.channels.SmsChannel;
import com.switchboard.channels.internal.SmsProvider;
import com.switchboard.channels.internal.SmsSettings;
import com.switchboard.conversations.DeliveryStatus;
import com.switchboard.system.Deployment;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

/**
 * Sends texts through Twilio's Messages API for the accounts that chose Twilio, with a status
 * callback so that delivery reports come back to {@code /webhooks/twilio/status}, and looks up
 * whether Twilio already has a text whose answer was lost (see docs/decisions.md, "A reply is
 * texted once").
 */
@Component
@Order(1)
class TwilioChannel implements SmsChannel {

    // How far before an attempt a text found at Twilio may have been created (clocks differ).
    private static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(1);
    // Texts from one number to one customer since an attempt began: a handful, never this many.
    private static final int LOOK_UP_LIMIT = 50;

    private final SmsSettings settings;
    private final TwilioTransport transport;
    private final URI statusCallback;

    TwilioChannel(SmsSettings settings, Deployment deployment,
            @Value("${switchboard.twilio.api-url:https://api.twilio.com}") String apiUrl) {
        this.settings = settings;
        this.transport = new TwilioTransport(apiUrl);
        this.statusCallback = URI.create(deployment.publicUrl().toString().replaceAll("/$", "")
                + TwilioWebhooks.STATUS_PATH);
    }

    @Override
    public boolean serves(UUID accountId) {
        return settings.provider(accountId) == SmsProvider.TWILIO;
    }

    @Override
    public Outcome send(Text text) {
        var account = settings.twilio(text.accountId()).orElseThrow();
        if (account.fromNumber() == null) {
            return new Outcome(DeliveryStatus.FAILED, "The account has no phone number to send from.", "no-from-number",
                    null);
        }
        try {
            Message sent = Message.creator(account.accountSid(), new PhoneNumber(text.to()),
                            new PhoneNumber(account.fromNumber()), text.body())
                    .setStatusCallback(statusCallback)
                    .create(client(account));
            return new Outcome(TwilioStatuses.of(sent.getStatus() == null ? null : sent.getStatus().toString()),
                    null, null, sent.getSid());
        }
        catch (ApiConnectionException unreachable) {
            // Refused or not connected in time: Twilio never read the request. Anything else (a
            // reset, no answer in time) may have reached it.
            boolean neverArrived = causedBy(unreachable, ConnectException.class)
                    || causedBy(unreachable, HttpConnectTimeoutException.class);
            throw new TemporaryFailure(unreachable.getMessage(), unreachable, !neverArrived);
        }
        catch (ApiException refused) {
            Integer status = refused.getStatusCode();
            if (status == null || status >= 500 || status == 429) {
                // 429 and 503 are Twilio refusing before doing anything; another 5xx may come after
                // it stored the text, which is then looked up before it is sent again.
                boolean refusedUntouched = status != null && (status == 429 || status == 503);
                throw new TemporaryFailure("The SMS provider answered " + status + ": " + refused.getMessage(), refused,
                        !refusedUntouched);
            }
            // A 4xx is final: the number is wrong, the customer unsubscribed at the carrier, ...
            String code = refused.getCode() == null ? null : refused.getCode().toString();
            return new Outcome(DeliveryStatus.FAILED, refused.getMessage(), code, null);
        }
    }

    /**
     * Twilio's most recent texts from the account's number to the customer, newest first, for one
     * with the same body created since the attempt began (a minute's allowance for clocks). No
     * DateSent filter: a text Twilio still holds has no date sent yet, and it is the one sought.
     */
    @Override
    public Optional<Outcome> lookUp(Text text, Instant askedAt) {
        var account = settings.twilio(text.accountId()).orElseThrow();
        if (account.fromNumber() == null) {
            return Optional.empty();
        }
        Instant since = askedAt.minus(CLOCK_ALLOWANCE);
        try {
            var recent = Message.reader(account.accountSid())
                    .setTo(new PhoneNumber(text.to()))
                    .setFrom(new PhoneNumber(account.fromNumber()))
                    .limit(LOOK_UP_LIMIT)
                    .read(client(account));
            for (Message message : recent) {
                boolean recentEnough = message.getDateCreated() == null
                        || !message.getDateCreated().toInstant().isBefore(since);
                if (recentEnough && text.body().equals(message.getBody())) {
                    return Optional.of(new Outcome(TwilioStatuses.of(message.getStatus() == null ? null
                            : message.getStatus().toString()), null, null, message.getSid()));
                }
            }
            return Optional.empty();
        }
        catch (ApiConnectionException | ApiException unanswered) {
            throw new TemporaryFailure("Could not ask the SMS provider whether it has the text: "
                    + unanswered.getMessage(), unanswered, true);
        }
    }

    private TwilioRestClient client(SmsSettings.TwilioAccount account) {
        return new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .accountSid(account.accountSid())
                .httpClient(transport)
                .build();
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> kind) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
