package com.switchboard.channels.internal.twilio;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.switchboard.channels.internal.NumberOwnership;
import com.switchboard.system.InvalidInputException;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;

/** Asks Twilio's IncomingPhoneNumbers list, with the account's own credentials, for each number. */
@Component
class TwilioNumbers implements NumberOwnership {

    private final TwilioTransport transport;

    TwilioNumbers(@Value("${switchboard.twilio.api-url:https://api.twilio.com}") String apiUrl) {
        this.transport = new TwilioTransport(apiUrl);
    }

    @Override
    public List<String> notOwned(String accountSid, String authToken, List<String> numbers) {
        var client = new TwilioRestClient.Builder(accountSid, authToken).accountSid(accountSid).httpClient(transport)
                .build();
        var missing = new ArrayList<String>();
        try {
            for (String number : numbers) {
                var held = IncomingPhoneNumber.reader(accountSid).setPhoneNumber(number).limit(1).read(client);
                if (!held.iterator().hasNext()) {
                    missing.add(number);
                }
            }
        }
        catch (ApiException refused) {
            Integer status = refused.getStatusCode();
            if (status != null && (status == 401 || status == 403 || status == 404)) {
                throw new InvalidInputException("authToken", "sms.credentialsRefused");
            }
            throw new InvalidInputException("phoneNumbers", "sms.twilioUnreachable");
        }
        catch (ApiConnectionException unreachable) {
            throw new InvalidInputException("phoneNumbers", "sms.twilioUnreachable");
        }
        return missing;
    }
}
