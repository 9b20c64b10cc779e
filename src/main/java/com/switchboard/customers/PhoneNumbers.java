package com.switchboard.customers;

import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.switchboard.system.InvalidInputException;

/**
 * Phone numbers as people type them, parsed into E.164 for storage, and written back for people
 * to read. Templates use it as {@code @phones}.
 */
@Component("phones")
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /**
     * The E.164 form of a number typed by someone whose account is in {@code defaultRegion}.
     *
     * @throws InvalidInputException for the given field when it is not a valid number
     */
    public String parse(String input, String defaultRegion, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "phone.required");
        }
        try {
            var number = util.parse(input.strip(), defaultRegion);
            if (!util.isValidNumber(number)) {
                throw new InvalidInputException(field, "phone.invalid", input.strip());
            }
            return util.format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException e) {
            throw new InvalidInputException(field, "phone.invalid", input.strip());
        }
    }

    /** For display: {@code +1 514-555-0123}. Falls back to what is stored. */
    public String display(String e164) {
        if (e164 == null) {
            return "";
        }
        try {
            return util.format(util.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException e) {
            return e164;
        }
    }
}
