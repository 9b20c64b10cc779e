package com.switchboard.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.switchboard.system.InvalidInputException;

class PhoneNumbersTests {

    private final PhoneNumbers phones = new PhoneNumbers();

    @Test
    void numbersAreStoredInE164ReadInTheAccountsCountry() {
        assertThat(phones.parse("(514) 555-0123", "CA", "phone")).isEqualTo("+15145550123");
        assertThat(phones.parse("514.555.0123", "CA", "phone")).isEqualTo("+15145550123");
        assertThat(phones.parse("+33 6 12 34 56 78", "CA", "phone")).isEqualTo("+33612345678");
        assertThat(phones.parse("06 12 34 56 78", "FR", "phone")).isEqualTo("+33612345678");
    }

    @Test
    void anInvalidNumberIsRefusedForItsField() {
        assertThatThrownBy(() -> phones.parse("514 123", "CA", "from"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("from");
                    assertThat(e.problems().get(0).messageKey()).isEqualTo("phone.invalid");
                });
        assertThatThrownBy(() -> phones.parse("call me", "CA", "phone")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> phones.parse(" ", "CA", "phone")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void numbersAreWrittenForPeopleInTheInternationalFormat() {
        assertThat(phones.display("+15145550123")).isEqualTo("+1 514-555-0123");
    }
}
