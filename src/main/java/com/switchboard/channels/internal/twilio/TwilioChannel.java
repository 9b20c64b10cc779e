package com.switchboard.channels.internal.twilio;

import java.net.URI;
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
 * callback so that delivery reports come back to {@code /webhooks/twilio/status}.
 */
@Component
@Order(1)
class TwilioChannel implements SmsChannel {

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
            return new Outcome(DeliveryStatus.FAILED, "The account has no phone number to send from.", null, null);
        }
        var client = new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .accountSid(account.accountSid())
                .httpClient(transport)
                .build();
        try {
            Message sent = Message.creator(account.accountSid(), new PhoneNumber(text.to()),
                            new PhoneNumber(account.fromNumber()), text.body())
                    .setStatusCallback(statusCallback)
                    .create(client);
            return new Outcome(TwilioStatuses.of(sent.getStatus() == null ? null : sent.getStatus().toString()),
                    null, null, sent.getSid());
        }
        catch (ApiConnectionException unreachable) {
            throw new TemporaryFailure(unreachable.getMessage(), unreachable);
        }
        catch (ApiException refused) {
            Integer status = refused.getStatusCode();
            if (status == null || status >= 500 || status == 429) {
                throw new TemporaryFailure("The SMS provider answered " + status + ": " + refused.getMessage(), refused);
            }
            // A 4xx is final: the number is wrong, the customer unsubscribed at the carrier, ...
            String code = refused.getCode() == null ? null : refused.getCode().toString();
            return new Outcome(DeliveryStatus.FAILED, refused.getMessage(), code, null);
        }
    }
}
