package com.switchboard.webhooks.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.switchboard.system.Deployment;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.SwitchboardProperties;

/**
 * The endpoints' signing secrets: made here, shown once, and kept encrypted at rest (AES-256-GCM)
 * under the deployment's {@code switchboard.secret-key}, the key the SMS credentials use. The
 * embedded default, a single node, shares the key file the SMS settings keep beside the database
 * files, making it if it is not there yet.
 */
@Component
class WebhookSecrets {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int SECRET_BYTES = 32;

    private final String configuredKey;
    private final Deployment deployment;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    WebhookSecrets(@Value("${switchboard.secret-key:}") String configuredKey, Deployment deployment,
            SwitchboardProperties properties) {
        this.configuredKey = configuredKey;
        this.deployment = deployment;
        this.keyFile = properties.dataDir().resolve("secret.key");
    }

    /** A new signing secret: 32 random bytes, readable and easy to paste. */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String encrypt(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret cannot be read with this switchboard.secret-key", e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadKey(), "AES");
                }
            }
        }
        return key;
    }

    private byte[] loadKey() {
        if (!configuredKey.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configuredKey.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("switchboard.secret-key must be 32 bytes, base64-encoded");
            }
            return bytes;
        }
        if (!deployment.embeddedDatabase()) {
            // Several nodes must share one key: it has to be set, not made up by each node.
            throw new InvalidInputException("url", "webhooks.secretKeyMissing");
        }
        try {
            if (Files.exists(keyFile)) {
                return Base64.getDecoder().decode(Files.readString(keyFile).strip());
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            Files.createDirectories(keyFile.getParent());
            try {
                // CREATE_NEW: if the SMS settings made it meanwhile, theirs is the key.
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            }
            catch (FileAlreadyExistsException madeMeanwhile) {
                return Base64.getDecoder().decode(Files.readString(keyFile).strip());
            }
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            return bytes;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
