package com.switchboard.webhooks.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

import com.switchboard.system.InvalidInputException;
import com.switchboard.system.SecretCipher;

/**
 * The endpoints' signing secrets: made here, shown once, and kept encrypted at rest with the
 * deployment's key ({@link SecretCipher}, which the SMS credentials use too).
 */
@Component
class WebhookSecrets {

    private static final int SECRET_BYTES = 32;

    private final SecretCipher cipher;
    private final SecureRandom random = new SecureRandom();

    WebhookSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** A new signing secret: 32 random bytes, readable and easy to paste. */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String encrypt(String secret) {
        try {
            return cipher.encrypt(secret);
        }
        catch (SecretCipher.MissingKey missing) {
            throw new InvalidInputException("url", "webhooks.secretKeyMissing");
        }
    }

    String decrypt(String stored) {
        return cipher.decrypt(stored);
    }
}
