package com.switchboard.channels.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.accounts.Actor;
import com.switchboard.channels.SmsConnection;
import com.switchboard.customers.Customers;
import com.switchboard.system.ConflictException;
import com.switchboard.system.Deployment;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.SecretCipher;

/**
 * Each account's SMS provider: which one, its credentials, and the account's phone numbers. Admins
 * change it (Company settings → SMS, and the API); the channels and webhooks read it.
 */
@Service
public class SmsSettings implements SmsConnection {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final int MAX_NUMBERS = 20;

    /** What an admin sees: never the token, only whether one is set. */
    public record View(SmsProvider provider, String accountSid, boolean authTokenSet, List<String> phoneNumbers) {
    }

    /** What an admin sends; a null or blank token keeps the one already set. */
    public record Change(String provider, String accountSid, String authToken, List<String> phoneNumbers) {
    }

    /** The Twilio credentials of an account, decrypted, for one call. */
    public record TwilioAccount(UUID accountId, String accountSid, String authToken, String fromNumber) {
        @Override
        public String toString() {
            return "TwilioAccount[" + accountId + ", " + accountSid + "]";
        }
    }

    private final SmsSettingsRepository repository;
    private final SecretCipher cipher;
    private final Customers customers;
    private final Deployment deployment;
    private final Clock clock;
    private final NumberOwnership ownership;
    private final TransactionTemplate writes;

    SmsSettings(SmsSettingsRepository repository, SecretCipher cipher, Customers customers, Deployment deployment,
            Clock clock, NumberOwnership ownership, PlatformTransactionManager transactions) {
        this.ownership = ownership;
        this.writes = new TransactionTemplate(transactions);
        this.repository = repository;
        this.cipher = cipher;
        this.customers = customers;
        this.deployment = deployment;
        this.clock = clock;
    }

    @Override
    public boolean connected(UUID accountId) {
        return repository.connected(accountId);
    }

    public View view(Actor actor) {
        actor.requireAdmin();
        var stored = repository.find(actor.accountId());
        return new View(stored.map(SmsSettingsRepository.Stored::provider).orElse(SmsProvider.SIMULATOR),
                stored.map(SmsSettingsRepository.Stored::accountSid).orElse(null),
                stored.map(s -> s.encryptedToken() != null).orElse(false),
                repository.numbers(actor.accountId()));
    }

    // Not one transaction: asking Twilio about the numbers may take seconds, and no database
    // connection is held meanwhile. Only the writes are one.
    public View change(Actor actor, Change change) {
        actor.requireAdmin();
        var checks = new InvalidInputException.Checks();
        SmsProvider provider = parseProvider(change.provider(), checks);
        var stored = repository.find(actor.accountId());
        List<String> numbers = new ArrayList<>();
        var seen = new LinkedHashSet<String>();
        for (String input : change.phoneNumbers() == null ? List.<String>of() : change.phoneNumbers()) {
            if (input == null || input.isBlank()) {
                continue;
            }
            try {
                String e164 = customers.parsePhone(actor, input, "phoneNumbers");
                if (seen.add(e164)) {
                    numbers.add(e164);
                }
            }
            catch (InvalidInputException bad) {
                checks.reject("phoneNumbers", "sms.numberInvalid", input.strip());
            }
        }
        if (numbers.size() > MAX_NUMBERS) {
            checks.reject("phoneNumbers", "sms.tooManyNumbers", MAX_NUMBERS);
        }
        String accountSid = change.accountSid() == null ? null : change.accountSid().strip();
        String token = change.authToken() == null || change.authToken().isBlank() ? null : change.authToken().strip();
        if (provider == SmsProvider.TWILIO) {
            if (accountSid == null || !ACCOUNT_SID.matcher(accountSid).matches()) {
                checks.reject("accountSid", "sms.accountSidInvalid");
            }
            boolean hasToken = token != null || stored.map(s -> s.encryptedToken() != null).orElse(false);
            if (!hasToken) {
                checks.reject("authToken", "sms.authTokenRequired");
            }
            if (token != null && token.length() > 200) {
                checks.reject("authToken", "sms.authTokenInvalid");
            }
            if (numbers.isEmpty()) {
                checks.reject("phoneNumbers", "sms.numberRequired");
            }
        }
        if (provider == SmsProvider.SIMULATOR && !deployment.simulatorEnabled()) {
            checks.reject("provider", "sms.simulatorOff");
        }
        checks.throwIfAny();
        String encrypted = token != null ? encrypt(token)
                : stored.map(SmsSettingsRepository.Stored::encryptedToken).orElse(null);
        if (provider == SmsProvider.TWILIO) {
            var notOwned = ownership.notOwned(accountSid, token != null ? token : cipher.decrypt(encrypted), numbers);
            if (!notOwned.isEmpty()) {
                throw new InvalidInputException("phoneNumbers", "sms.numberNotOwned", String.join(", ", notOwned));
            }
        }
        try {
            writes.executeWithoutResult(status -> {
                repository.save(actor.accountId(), provider, provider == SmsProvider.TWILIO ? accountSid : null,
                        provider == SmsProvider.TWILIO ? encrypted : null, actor.userId(), clock.instant());
                repository.replaceNumbers(actor.accountId(), numbers);
            });
        }
        catch (DuplicateKeyException taken) {
            throw new ConflictException("phoneNumbers", "sms.numberTaken");
        }
        return view(actor);
    }

    /** The account's Twilio credentials, when Twilio carries its texts. */
    public Optional<TwilioAccount> twilio(UUID accountId) {
        return repository.find(accountId)
                .filter(s -> s.provider() == SmsProvider.TWILIO)
                .map(s -> new TwilioAccount(accountId, s.accountSid(), cipher.decrypt(s.encryptedToken()),
                        repository.numbers(accountId).stream().findFirst().orElse(null)));
    }

    /** What checks a webhook's signature: the account, on Twilio, that owns a number. */
    public record WebhookAccount(UUID accountId, String authToken) {
        @Override
        public String toString() {
            return "WebhookAccount[" + accountId + "]";
        }
    }

    /**
     * The Twilio account that owns a number (the number a customer texted, or texts come from), in
     * one statement: every inbound text starts here.
     */
    public Optional<WebhookAccount> twilioByNumber(String e164) {
        return repository.findByNumber(e164)
                .filter(s -> s.provider() == SmsProvider.TWILIO)
                .map(s -> new WebhookAccount(s.accountId(), cipher.decrypt(s.encryptedToken())));
    }

    /** Who carries the account's texts; the simulator until an admin chooses. */
    public SmsProvider provider(UUID accountId) {
        return repository.find(accountId).map(SmsSettingsRepository.Stored::provider).orElse(SmsProvider.SIMULATOR);
    }

    /** Whether the simulator carries this account's texts. */
    public boolean usesSimulator(UUID accountId) {
        return deployment.simulatorEnabled() && provider(accountId) == SmsProvider.SIMULATOR;
    }

    private static SmsProvider parseProvider(String provider, InvalidInputException.Checks checks) {
        try {
            return SmsProvider.valueOf(provider == null ? "" : provider.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException unknown) {
            checks.reject("provider", "sms.providerInvalid");
            return SmsProvider.SIMULATOR;
        }
    }

    private String encrypt(String token) {
        try {
            return cipher.encrypt(token);
        }
        catch (SecretCipher.MissingKey missing) {
            throw new InvalidInputException("authToken", "sms.secretKeyMissing");
        }
    }
}
