package com.switchboard.channels.internal;

import java.util.List;

/**
 * Whether an SMS provider's account holds phone numbers: an account may only connect numbers its
 * own provider credentials own, so that nobody claims (and receives the texts of) a number that
 * is not theirs.
 */
public interface NumberOwnership {

    /**
     * The numbers, among {@code numbers}, that the provider's account does not hold.
     *
     * @throws com.switchboard.system.InvalidInputException when the credentials are refused, or
     *         the provider cannot be asked now
     */
    List<String> notOwned(String accountSid, String authToken, List<String> numbers);
}
